/** The words of the public complaint page, in the three languages Kexin speaks. */
import type { ComplaintCategory } from "@kexin/contracts";

export type PageLanguage = "zh-CN" | "en" | "zh-TW";

export interface ComplaintPageStrings {
  htmlLang: string;
  title: string;
  intro(store: string): string;
  category: string;
  categories: Record<ComplaintCategory, string>;
  body: string;
  bodyHint: string;
  staffName: string;
  staffNameHint: string;
  name: string;
  phone: string;
  email: string;
  contactHint: string;
  submit: string;
  privacy(org: string): string;
  thanksTitle: string;
  thanks(number: string): string;
  notFoundTitle: string;
  notFound: string;
  tooManyTitle: string;
  tooMany: string;
  fixErrors: string;
  errors: {
    required: string;
    tooLong: string;
    email: string;
    phone: string;
    contact: string;
    hostile: string;
    category: string;
  };
}

export const COMPLAINT_PAGE_STRINGS: Record<PageLanguage, ComplaintPageStrings> = {
  "zh-CN": {
    htmlLang: "zh-CN",
    title: "投诉与建议",
    intro: (store) => `${store}：很抱歉让您不满意。请告诉我们发生了什么，我们会尽快联系您。`,
    category: "问题类型",
    categories: {
      rude_staff: "员工态度不好",
      poor_service: "服务不周到",
      untrained_staff: "员工不够专业",
      product_quality: "商品质量问题",
      poor_choice: "商品选择少 / 缺货",
      price: "价格或收费问题",
      delivery: "配送或送货问题",
      changed_needs: "需求有变化",
      other: "其他",
    },
    body: "发生了什么？",
    bodyHint: "时间、经过、涉及的商品或订单号",
    staffName: "涉及的员工（选填）",
    staffNameHint: "姓名或工号",
    name: "您的称呼",
    phone: "手机号",
    email: "电子邮箱",
    contactHint: "手机号和邮箱至少填一项，便于我们回复您。",
    submit: "提交投诉",
    privacy: (org) => `您的信息只用于处理本次投诉，由${org}保管。`,
    thanksTitle: "已收到您的投诉",
    thanks: (number) => `投诉编号：${number}。我们会尽快与您联系，联系时请提供此编号。`,
    notFoundTitle: "页面不存在",
    notFound: "这个投诉页面不存在或已停用，请向门店工作人员索取新的二维码。",
    tooManyTitle: "提交太频繁",
    tooMany: "这台设备刚刚提交过多次，请过一分钟再试；您已填写的内容请返回上一页查看。",
    fixErrors: "请修改下面标出的内容后再提交。",
    errors: {
      required: "请填写这一项",
      tooLong: "内容太长，请精简",
      email: "邮箱格式不正确",
      phone: "手机号只能包含数字、空格、+、- 和括号（5–20 位）",
      contact: "请至少填写手机号或邮箱",
      hostile: "包含无法识别的控制字符，请删除后再提交",
      category: "请选择问题类型",
    },
  },
  en: {
    htmlLang: "en",
    title: "Complaints and suggestions",
    intro: (store) => `${store}: we are sorry we let you down. Tell us what happened and we will be in touch soon.`,
    category: "What is it about?",
    categories: {
      rude_staff: "Rude staff",
      poor_service: "Poor service",
      untrained_staff: "Staff did not know enough",
      product_quality: "Product quality",
      poor_choice: "Poor choice / out of stock",
      price: "Price or charges",
      delivery: "Delivery",
      changed_needs: "My needs changed",
      other: "Something else",
    },
    body: "What happened?",
    bodyHint: "When, what happened, the product or order number",
    staffName: "Staff member involved (optional)",
    staffNameHint: "Name or badge number",
    name: "Your name",
    phone: "Mobile phone",
    email: "Email",
    contactHint: "Give a phone number or an email address (or both) so we can answer you.",
    submit: "Send complaint",
    privacy: (org) => `Your details are used only to handle this complaint and are kept by ${org}.`,
    thanksTitle: "We have your complaint",
    thanks: (number) => `Ticket number: ${number}. We will contact you soon; please quote this number.`,
    notFoundTitle: "Page not found",
    notFound: "This complaint page does not exist or was switched off. Please ask the store for a new QR code.",
    tooManyTitle: "Too many submissions",
    tooMany: "This device has just sent several complaints. Please try again in a minute; go back to find what you wrote.",
    fixErrors: "Please correct the fields marked below and send again.",
    errors: {
      required: "Please fill this in",
      tooLong: "This is too long; please shorten it",
      email: "This is not a valid email address",
      phone: "Use digits, spaces, +, - or parentheses (5–20 characters)",
      contact: "Give at least a phone number or an email address",
      hostile: "Contains control characters we cannot accept; please remove them",
      category: "Please choose what it is about",
    },
  },
  "zh-TW": {
    htmlLang: "zh-TW",
    title: "投訴與建議",
    intro: (store) => `${store}：很抱歉讓您不滿意。請告訴我們發生了什麼，我們會盡快聯絡您。`,
    category: "問題類型",
    categories: {
      rude_staff: "員工態度不好",
      poor_service: "服務不周到",
      untrained_staff: "員工不夠專業",
      product_quality: "商品品質問題",
      poor_choice: "商品選擇少 / 缺貨",
      price: "價格或收費問題",
      delivery: "配送或送貨問題",
      changed_needs: "需求有變化",
      other: "其他",
    },
    body: "發生了什麼？",
    bodyHint: "時間、經過、涉及的商品或訂單號",
    staffName: "涉及的員工（選填）",
    staffNameHint: "姓名或工號",
    name: "您的稱呼",
    phone: "手機號碼",
    email: "電子郵件",
    contactHint: "手機號碼和電子郵件至少填一項，方便我們回覆您。",
    submit: "提交投訴",
    privacy: (org) => `您的資料只用於處理本次投訴，由${org}保管。`,
    thanksTitle: "已收到您的投訴",
    thanks: (number) => `投訴編號：${number}。我們會盡快與您聯絡，聯絡時請提供此編號。`,
    notFoundTitle: "頁面不存在",
    notFound: "這個投訴頁面不存在或已停用，請向門市人員索取新的 QR 碼。",
    tooManyTitle: "提交太頻繁",
    tooMany: "這台裝置剛剛提交過多次，請過一分鐘再試；您已填寫的內容請返回上一頁查看。",
    fixErrors: "請修改下面標出的內容後再提交。",
    errors: {
      required: "請填寫這一項",
      tooLong: "內容太長，請精簡",
      email: "電子郵件格式不正確",
      phone: "手機號碼只能包含數字、空格、+、- 和括號（5–20 位）",
      contact: "請至少填寫手機號碼或電子郵件",
      hostile: "包含無法識別的控制字元，請刪除後再提交",
      category: "請選擇問題類型",
    },
  },
};

/** ?lang= first, then the browser's Accept-Language (zh-TW/zh-HK/zh-Hant → 繁體, zh → 简体, en), else 简体中文. */
export function pageLanguage(requested: string | undefined, acceptLanguage: string | undefined): PageLanguage {
  if (requested === "zh-CN" || requested === "en" || requested === "zh-TW") return requested;
  for (const tag of (acceptLanguage ?? "").split(",").map((part) => part.split(";")[0].trim().toLowerCase())) {
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) return "zh-TW";
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return "zh-CN";
}
