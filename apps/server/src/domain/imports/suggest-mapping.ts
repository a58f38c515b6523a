/**
 * Guesses which column fills which import field from the header alone: the field's own name, English names and
 * the headers Chinese shop systems use (姓名, 手机, 订单日期, 实付金额…). Units and hints in brackets are ignored,
 * so 性别(男/女) and 金额（元） match too. Pure; O(fields × columns).
 */
import { IMPORT_FIELDS, type ImportKind, type ImportMapping } from "@kexin/contracts";

const STORE = ["store", "store code", "shop", "shop code", "门店", "门店编码", "门店代码", "门店编号", "店铺", "所属门店", "店铺编码"];
const CUSTOMER_CODE = ["客户编号", "客户编码", "会员编号", "会员号", "会员卡号", "会员编码", "customer code", "customer no", "customer id", "member id"];

const SYNONYMS: Record<ImportKind, Record<string, string[]>> = {
  customers: {
    code: ["code", ...CUSTOMER_CODE],
    name: ["name", "customer name", "full name", "姓名", "客户名称", "客户姓名", "会员姓名", "名称", "客户名"],
    phone: ["phone", "mobile", "telephone", "tel", "phone number", "手机", "手机号", "手机号码", "电话", "联系电话", "电话号码"],
    email: ["email", "e-mail", "mail", "email address", "邮箱", "电子邮箱", "电子邮件", "邮件"],
    gender: ["gender", "sex", "性别"],
    birthday: ["birthday", "birth date", "date of birth", "dob", "生日", "出生日期"],
    city: ["city", "城市", "所在城市"],
    company: ["company", "organisation", "organization", "公司", "单位", "公司名称", "工作单位"],
    wechat: ["wechat", "weixin", "wechat id", "微信", "微信号"],
    storeCode: STORE,
    tags: ["tags", "tag", "labels", "标签", "客户标签"],
  },
  transactions: {
    customerCode: [...CUSTOMER_CODE, "customer", "code"],
    occurredAt: ["occurred at", "date", "order date", "time", "订单日期", "日期", "下单时间", "交易时间", "消费日期", "购买日期", "消费时间", "时间"],
    amount: ["amount", "total", "paid", "金额", "实付金额", "订单金额", "消费金额", "实收金额", "支付金额"],
    cost: ["cost", "成本", "成本金额"],
    storeCode: STORE,
    channel: ["channel", "渠道", "销售渠道", "来源"],
    externalId: ["external id", "order id", "order no", "order number", "订单号", "订单编号", "单号", "流水号"],
  },
};

/** Lower case, no brackets with their content, no spaces, underscores, dashes, dots or colons. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[(（[【].*?[)）\]】]/g, "")
    .toLowerCase()
    .replace(/[\s_\-.:：*]/g, "");
}

const NORMALIZED = Object.fromEntries(
  Object.entries(SYNONYMS).map(([kind, fields]) => [
    kind,
    Object.fromEntries(Object.entries(fields).map(([field, names]) => [field, [field, ...names].map(normalizeHeader)])),
  ]),
) as Record<ImportKind, Record<string, string[]>>;

/** The mapping field → column a user would most likely choose. Each column is used at most once. */
export function suggestMapping(kind: ImportKind, columns: readonly string[]): ImportMapping {
  const normalized = columns.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    // Earlier synonyms are better matches: try them in order, so "客户编号" beats a looser "code".
    for (const name of NORMALIZED[kind][field]) {
      const index = normalized.findIndex((column, i) => column === name && !taken.has(i));
      if (index >= 0) {
        mapping[field] = columns[index];
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}
