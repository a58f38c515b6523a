/**
 * SERVQUAL (Parasuraman, Zeithaml & Berry 1988/1991) for a general service business, in Kexin's own wording: 22
 * attributes, each rated for what an excellent business would offer (expectation) and for what we offer
 * (perception), on 1–7 agreement, grouped into the five dimensions in the standard order (tangibles 1–4,
 * reliability 5–9, responsiveness 10–13, assurance 14–17, empathy 18–22). The last page asks how important each
 * dimension is; those questions are keyed `importance_<dimension>` so the gap report can weight the dimension gaps.
 */
import type { QuestionInput } from "@kexin/contracts";
import type { SurveyTemplate } from "./index.ts";
import { TEMPLATE_LANGUAGES, text } from "./localized-text.ts";

type Dimension = "tangibles" | "reliability" | "responsiveness" | "assurance" | "empathy";

function item(key: string, servqualDimension: Dimension, zhCN: string, en: string, zhTW: string): QuestionInput {
  return { key, type: "expectation_perception", points: 7, servqualDimension, title: text(zhCN, en, zhTW) };
}

function importance(dimension: Dimension, zhCN: string, en: string, zhTW: string): QuestionInput {
  return { key: `importance_${dimension}`, type: "importance", points: 5, title: text(zhCN, en, zhTW) };
}

export const servqual22: SurveyTemplate = {
  key: "servqual-22",
  title: text("SERVQUAL 服务质量(22 项)", "SERVQUAL service quality (22 items)", "SERVQUAL 服務品質(22 項)"),
  description: text(
    "经典的 SERVQUAL 量表:22 个服务属性分属有形性、可靠性、响应性、保证性和移情性五个维度,每项分别打“期望”和“实际感受”两个分,得出各维度的服务质量差距;再请顾客评价五个维度的重要程度,算出加权差距。",
    "The classic SERVQUAL scale: 22 service attributes in five dimensions (tangibles, reliability, responsiveness, assurance, empathy), each rated for expectation and for perception to give the service-quality gap per dimension, plus the importance of each dimension for a weighted gap.",
    "經典的 SERVQUAL 量表:22 個服務屬性分屬有形性、可靠性、回應性、保證性與同理心五個構面,每項分別評「期望」與「實際感受」兩個分數,得出各構面的服務品質落差;再請顧客評估五個構面的重要程度,算出加權落差。",
  ),
  measures: ["servqual", "expectation"],
  definition: {
    title: text("服务质量评价", "How good is our service?", "服務品質評價"),
    intro: text(
      "下面每一项请打两个分:第一个分表示您认为一家优秀的同类企业应当做到什么程度(期望),第二个分表示我们实际做到了什么程度(感受)。1 = 非常不同意,7 = 非常同意。全部填完约需 8 分钟。",
      "Please give each statement two ratings: first how far an excellent business of this kind should live up to it (your expectation), then how far we actually do (your experience). 1 = strongly disagree, 7 = strongly agree. It takes about 8 minutes.",
      "以下每一項請評兩個分數:第一個分數表示您認為一家優秀的同類企業應該做到什麼程度(期望),第二個分數表示我們實際做到什麼程度(感受)。1 = 非常不同意,7 = 非常同意。全部填完約需 8 分鐘。",
    ),
    thanks: text(
      "非常感谢!您的评价会帮助我们找到最该改进的地方。",
      "Thank you! Your ratings show us where to improve first.",
      "非常感謝!您的評價能幫助我們找出最需要改善的地方。",
    ),
    languages: TEMPLATE_LANGUAGES,
    pages: [
      {
        key: "tangibles_reliability",
        title: text("有形性与可靠性", "What you see, and keeping our word", "有形性與可靠性"),
        questions: [
          item("tan_equipment", "tangibles", "设备和工具新颖、好用", "Up-to-date equipment that works well", "設備與工具新穎、好用"),
          item("tan_premises", "tangibles", "营业场所整洁美观,待在里面很舒服", "Premises that are attractive and pleasant to be in", "營業場所整潔美觀,待在裡面很舒服"),
          item("tan_staff_appearance", "tangibles", "员工着装得体、仪表整洁", "Staff who are neatly and suitably dressed", "員工穿著得體、儀容整潔"),
          item("tan_materials", "tangibles", "价目表、单据和宣传资料清楚、美观", "Price lists, receipts and leaflets that are clear and well made", "價目表、單據與宣傳資料清楚、美觀"),
          item("rel_promises", "reliability", "答应顾客的事情一定办到", "Doing what was promised", "答應顧客的事情一定做到"),
          item("rel_problem_solving", "reliability", "顾客遇到问题时,真心实意地帮忙解决", "A sincere effort to solve a customer's problem", "顧客遇到問題時,真心誠意地協助解決"),
          item("rel_right_first_time", "reliability", "第一次就把服务做对,不用返工", "Getting the service right the first time", "第一次就把服務做對,不必重做"),
          item("rel_on_time", "reliability", "在约定的时间提供服务,不拖延", "Delivering the service at the agreed time, without delay", "在約定的時間提供服務,不拖延"),
          item("rel_accurate_records", "reliability", "账单和各种记录准确无误", "Bills and records that are free of mistakes", "帳單與各項紀錄正確無誤"),
        ],
      },
      {
        key: "responsiveness_assurance",
        title: text("响应性与保证性", "Responding, and earning trust", "回應性與保證性"),
        questions: [
          item("res_tells_when", "responsiveness", "明确告诉顾客服务什么时候能完成", "Telling customers exactly when things will be done", "明確告知顧客服務何時能完成"),
          item("res_prompt", "responsiveness", "服务及时,不让顾客久等", "Prompt service, without long waits", "服務及時,不讓顧客久等"),
          item("res_willing", "responsiveness", "员工总是乐意帮助顾客", "Staff who are always willing to help", "員工總是樂意協助顧客"),
          item("res_never_too_busy", "responsiveness", "员工再忙也会及时回应顾客的请求", "Staff never too busy to answer a request", "員工再忙也會及時回應顧客的需求"),
          item("asr_confidence", "assurance", "员工的言行让顾客信得过", "Staff whose conduct inspires confidence", "員工的言行讓顧客信得過"),
          item("asr_safe", "assurance", "顾客在付款和提供个人信息时感到放心", "Customers feel safe paying and sharing personal details", "顧客在付款與提供個人資料時感到放心"),
          item("asr_courteous", "assurance", "员工始终礼貌待人", "Staff who are courteous every time", "員工始終以禮待人"),
          item("asr_knowledge", "assurance", "员工有足够的专业知识回答顾客的问题", "Staff who know enough to answer customers' questions", "員工具備足夠的專業知識回答顧客的問題"),
        ],
      },
      {
        key: "empathy",
        title: text("移情性", "Caring about you", "同理心"),
        questions: [
          item("emp_individual", "empathy", "关注每一位顾客的个别需要", "Attention to each customer as an individual", "關注每一位顧客的個別需要"),
          item("emp_hours", "empathy", "营业时间方便顾客", "Opening hours that suit customers", "營業時間方便顧客"),
          item("emp_personal_care", "empathy", "员工给予顾客贴心、周到的照顾", "Staff who look after customers personally", "員工給予顧客貼心、周到的照顧"),
          item("emp_best_interest", "empathy", "把顾客的利益放在心上", "Having customers' best interests at heart", "把顧客的利益放在心上"),
          item("emp_understands_needs", "empathy", "员工了解顾客的具体需求", "Staff who understand customers' specific needs", "員工了解顧客的具體需求"),
        ],
      },
      {
        key: "importance",
        title: text("各方面对您有多重要", "What matters most to you", "各方面對您有多重要"),
        questions: [
          importance("tangibles", "设施、设备、员工仪表和资料的外观", "How the premises, equipment, staff and printed materials look", "設施、設備、員工儀容與資料的外觀"),
          importance("reliability", "可靠、准确地提供承诺的服务", "Delivering the promised service reliably and accurately", "可靠、正確地提供承諾的服務"),
          importance("responsiveness", "乐意帮助顾客并迅速提供服务", "Willingness to help and to serve promptly", "樂意協助顧客並迅速提供服務"),
          importance("assurance", "员工的知识、礼貌以及让人信任的能力", "Staff knowledge, courtesy and ability to earn trust", "員工的知識、禮貌以及令人信任的能力"),
          importance("empathy", "对每位顾客的关心和个别照顾", "Caring, individual attention to each customer", "對每位顧客的關心與個別照顧"),
        ],
      },
    ],
  },
};
