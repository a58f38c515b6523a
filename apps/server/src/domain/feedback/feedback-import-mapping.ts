/**
 * Which column of a feedback file fills which field: guessed from the header in Chinese or English (渠道, 内容,
 * 时间, 客户, 电话, 邮箱, 评分, 门店, 编号…), overridden by what the user chose. Pure.
 */
import { FEEDBACK_IMPORT_FIELDS, REQUIRED_FEEDBACK_IMPORT_FIELDS, type ImportMapping } from "@kexin/contracts";
import { invalid } from "../app-error.ts";
import { normalizeHeader } from "../imports/suggest-mapping.ts";

type Field = (typeof FEEDBACK_IMPORT_FIELDS)[number];

const SYNONYMS: Record<Field, string[]> = {
  channel: ["渠道", "来源", "来源渠道", "反馈渠道", "反馈来源", "channel", "source"],
  body: ["内容", "反馈内容", "意见", "意见内容", "评价", "评价内容", "评论", "留言", "正文", "body", "content", "text", "comment", "feedback", "message"],
  receivedAt: ["时间", "反馈时间", "收到时间", "提交时间", "评价时间", "日期", "received at", "received", "date", "time", "created at"],
  customerCode: ["客户编号", "客户编码", "会员编号", "会员号", "会员卡号", "customer code", "customer no", "member id"],
  customerName: ["客户", "客户名称", "客户姓名", "顾客", "姓名", "名字", "昵称", "customer", "customer name", "name", "author"],
  phone: ["电话", "手机", "手机号", "手机号码", "联系电话", "phone", "mobile", "tel", "telephone"],
  email: ["邮箱", "电子邮箱", "电子邮件", "邮件地址", "email", "e-mail", "mail"],
  rating: ["评分", "星级", "打分", "分数", "rating", "stars", "score"],
  storeCode: ["门店", "门店编码", "门店代码", "门店编号", "店铺", "store", "store code", "shop", "shop code"],
  sourceRef: ["编号", "反馈编号", "单号", "工单号", "外部编号", "来源编号", "id", "ref", "reference", "source ref", "external id"],
};

const NORMALIZED = Object.fromEntries(
  Object.entries(SYNONYMS).map(([field, names]) => [field, [field, ...names].map(normalizeHeader)]),
) as Record<Field, string[]>;

/** The mapping a user would most likely choose; each column is used at most once. */
export function suggestFeedbackMapping(columns: readonly string[]): ImportMapping {
  const normalized = columns.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping: ImportMapping = {};
  for (const field of FEEDBACK_IMPORT_FIELDS) {
    for (const name of NORMALIZED[field]) {
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

/**
 * The suggestion overridden by the user's choice (an empty column unmaps a field).
 * @throws AppError import.unknown_field / import.unknown_column / import.unmapped_field, field `mapping.<field>`.
 */
export function resolveFeedbackMapping(columns: readonly string[], requested: ImportMapping = {}): ImportMapping {
  const fields: readonly string[] = FEEDBACK_IMPORT_FIELDS;
  const mapping = suggestFeedbackMapping(columns);
  for (const [field, column] of Object.entries(requested)) {
    if (!fields.includes(field)) {
      throw invalid("import.unknown_field", `feedback has no field "${field}"; fields are: ${fields.join(", ")}`, `mapping.${field}`);
    }
    if (column === "") {
      delete mapping[field];
      continue;
    }
    if (!columns.includes(column)) {
      throw invalid("import.unknown_column", `${field}: the file has no column "${column}" (columns: ${columns.join(", ")})`, `mapping.${field}`);
    }
    for (const [other, otherColumn] of Object.entries(mapping)) if (otherColumn === column && other !== field) delete mapping[other];
    mapping[field] = column;
  }
  for (const field of REQUIRED_FEEDBACK_IMPORT_FIELDS) {
    if (!mapping[field]) {
      throw invalid("import.unmapped_field", `${field} is required: choose the column that holds it (columns: ${columns.join(", ")})`, `mapping.${field}`);
    }
  }
  return mapping;
}
