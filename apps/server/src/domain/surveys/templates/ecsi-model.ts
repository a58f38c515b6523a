/**
 * An ECSI-style questionnaire (European Customer Satisfaction Index, after the ACSI of Fornell et al. 1996) with its
 * PLS path model: image, customer expectations, perceived quality, perceived value, satisfaction and loyalty, each
 * measured by two to five 1–7 items tied to it with `construct`, all worded so that a higher answer means a better
 * state (PLS mode A needs items that move together). The complaints construct of the original is left out. A
 * last, separate CSAT question about the most recent contact gives the headline score and the closed-loop trigger;
 * it is not part of the model, whose items must all share one 1–7 scale for the 0–100 indices.
 */
import type { QuestionInput } from "@kexin/contracts";
import type { SurveyTemplate } from "./index.ts";
import { TEMPLATE_LANGUAGES, text } from "./localized-text.ts";

type Construct = "imag" | "cuex" | "perq" | "perv" | "cusa" | "cusl";
type Labels = "agreement" | "quality" | "satisfaction" | "likelihood";

function item(key: string, construct: Construct, labels: Labels, zhCN: string, en: string, zhTW: string): QuestionInput {
  return { key, type: "likert", points: 7, labels, construct, title: text(zhCN, en, zhTW) };
}

export const ecsiModel: SurveyTemplate = {
  key: "ecsi-model",
  title: text("顾客满意度指数(ECSI 模型)", "Customer satisfaction index (ECSI model)", "顧客滿意度指數(ECSI 模型)"),
  description: text(
    "按欧洲顾客满意度指数(ECSI,源自美国 ACSI)的结构编写:企业形象、顾客期望、感知质量、感知价值、顾客满意和顾客忠诚六个潜变量,共 21 道 7 级题,用 PLS 路径模型估计,报告路径系数、R²、信度和 0–100 指数,说明满意和忠诚主要由什么驱动。",
    "Built on the European Customer Satisfaction Index (ECSI, after the American ACSI): image, expectations, perceived quality, perceived value, satisfaction and loyalty, measured by 21 seven-point items and estimated as a PLS path model — path coefficients, R², reliability and 0–100 indices that show what drives satisfaction and loyalty.",
    "依歐洲顧客滿意度指數(ECSI,源自美國 ACSI)的架構編寫:企業形象、顧客期望、知覺品質、知覺價值、顧客滿意與顧客忠誠六個潛在變數,共 21 道 7 點量表題,以 PLS 路徑模型估計,提供路徑係數、R²、信度與 0–100 指數,說明滿意與忠誠主要由什麼驅動。",
  ),
  measures: ["model", "csat"],
  definition: {
    title: text("您眼中的我们", "How you see us", "您眼中的我們"),
    intro: text(
      "这份问卷想了解您对我们的整体看法。请根据您作为客户的全部经历作答,1 分最低,7 分最高,约需 6 分钟。",
      "We would like to know how you see us overall. Please answer from all your experience as our customer — 1 is the lowest, 7 the highest. It takes about 6 minutes.",
      "這份問卷想了解您對我們的整體看法。請依您身為顧客的所有經驗作答,1 分最低,7 分最高,約需 6 分鐘。",
    ),
    thanks: text(
      "感谢您的耐心!您的回答将帮助我们弄清楚最该在哪里下功夫。",
      "Thank you for your patience! Your answers show us where our effort matters most.",
      "感謝您的耐心!您的回答能幫助我們釐清最該在哪裡下功夫。",
    ),
    languages: TEMPLATE_LANGUAGES,
    model: {
      constructs: [
        { key: "imag", mode: "A", title: text("企业形象(IMAG)", "Image (IMAG)", "企業形象(IMAG)") },
        { key: "cuex", mode: "A", title: text("顾客期望(CUEX)", "Customer expectations (CUEX)", "顧客期望(CUEX)") },
        { key: "perq", mode: "A", title: text("感知质量(PERQ)", "Perceived quality (PERQ)", "知覺品質(PERQ)") },
        { key: "perv", mode: "A", title: text("感知价值(PERV)", "Perceived value (PERV)", "知覺價值(PERV)") },
        { key: "cusa", mode: "A", title: text("顾客满意(CUSA)", "Customer satisfaction (CUSA)", "顧客滿意(CUSA)") },
        { key: "cusl", mode: "A", title: text("顾客忠诚(CUSL)", "Customer loyalty (CUSL)", "顧客忠誠(CUSL)") },
      ],
      paths: [
        { from: "imag", to: "cuex" },
        { from: "imag", to: "cusa" },
        { from: "imag", to: "cusl" },
        { from: "cuex", to: "perq" },
        { from: "cuex", to: "perv" },
        { from: "cuex", to: "cusa" },
        { from: "perq", to: "perv" },
        { from: "perq", to: "cusa" },
        { from: "perv", to: "cusa" },
        { from: "cusa", to: "cusl" },
      ],
    },
    pages: [
      {
        key: "image_expectations",
        title: text("企业印象与最初期望", "Our image and what you expected", "企業印象與最初期望"),
        questions: [
          item("imag_trustworthy", "imag", "agreement", "这家企业说到做到,值得信赖", "This company does what it says and can be trusted", "這家企業說到做到,值得信賴"),
          item("imag_established", "imag", "agreement", "这家企业经营稳健、根基扎实", "This company is well run and firmly established", "這家企業經營穩健、根基紮實"),
          item("imag_society", "imag", "agreement", "这家企业对社会有积极贡献", "This company makes a positive contribution to society", "這家企業對社會有正面貢獻"),
          item("imag_cares", "imag", "agreement", "这家企业真正关心顾客", "This company truly cares about its customers", "這家企業真正關心顧客"),
          item("imag_innovative", "imag", "agreement", "这家企业勇于创新、着眼未来", "This company is innovative and looks ahead", "這家企業勇於創新、放眼未來"),
          item("cuex_quality", "cuex", "quality", "刚成为我们的客户时,您预期我们的整体质量如何?", "When you first became our customer, how good did you expect our overall quality to be?", "剛成為我們的顧客時,您預期我們的整體品質如何?"),
          item("cuex_needs", "cuex", "agreement", "当初我预期他们的产品和服务能满足我个人的需要", "At the start, I expected their products and services to meet my own needs", "當初我預期他們的產品與服務能滿足我個人的需要"),
          item("cuex_reliability", "cuex", "agreement", "当初我预期和他们打交道很少会出差错", "At the start, I expected few things to go wrong in dealing with them", "當初我預期和他們往來很少會出差錯"),
        ],
      },
      {
        key: "quality_value",
        title: text("质量与价值", "Quality and value", "品質與價值"),
        questions: [
          item("perq_overall", "perq", "quality", "您如何评价我们的整体质量?", "How would you rate our overall quality?", "您如何評價我們的整體品質?"),
          item("perq_product", "perq", "quality", "产品本身的质量", "The quality of the products themselves", "產品本身的品質"),
          item("perq_service", "perq", "quality", "客户服务与咨询建议的质量", "The quality of customer service and advice", "顧客服務與諮詢建議的品質"),
          item("perq_reliability", "perq", "quality", "交付和服务的可靠程度(准时、准确)", "How dependable delivery and service are (on time, accurate)", "交付與服務的可靠程度(準時、正確)"),
          item("perq_information", "perq", "quality", "价格、账单和各类信息是否清楚易懂", "How clear prices, bills and other information are", "價格、帳單與各類資訊是否清楚易懂"),
          item("perv_price_for_quality", "perv", "agreement", "就所得到的质量而言,价格是合理的", "Given the quality I get, the price is fair", "就所得到的品質而言,價格是合理的"),
          item("perv_quality_for_price", "perv", "agreement", "就所付的价钱而言,得到的质量令人满意", "Given the price I pay, the quality is good", "就所付的價錢而言,得到的品質令人滿意"),
        ],
      },
      {
        key: "satisfaction_loyalty",
        title: text("满意与忠诚", "Satisfaction and loyalty", "滿意與忠誠"),
        questions: [
          item("cusa_overall", "cusa", "satisfaction", "综合各方面,您对我们满意吗?", "All things considered, how satisfied are you with us?", "綜合各方面,您對我們滿意嗎?"),
          item("cusa_expectations", "cusa", "agreement", "我们达到了您的期望", "We have lived up to your expectations", "我們達到了您的期望"),
          item("cusa_ideal", "cusa", "agreement", "我们很接近您心目中理想的商家", "We come close to your idea of the ideal company of this kind", "我們很接近您心目中理想的商家"),
          item("cusl_choose_again", "cusl", "likelihood", "如果重新选择,您还会选择我们吗?", "If you were choosing again, how likely is it that you would choose us?", "如果重新選擇,您還會選擇我們嗎?"),
          item("cusl_price_tolerance", "cusl", "agreement", "即使别家价格稍低一些,我仍会留在这里", "I would stay even if another company were a little cheaper", "即使別家價格稍低一些,我仍會留在這裡"),
          item("cusl_recommend", "cusl", "likelihood", "您会向亲友推荐我们吗?", "How likely are you to recommend us to friends and family?", "您會向親友推薦我們嗎?"),
          {
            key: "recent_csat",
            type: "csat",
            title: text(
              "最后,对您最近一次和我们打交道的经历,您满意吗?",
              "Finally, how satisfied were you with your most recent dealing with us?",
              "最後,對您最近一次與我們往來的經驗,您滿意嗎?",
            ),
          },
          {
            key: "comments",
            type: "text",
            required: false,
            maxLength: 2000,
            title: text("还有什么想告诉我们的吗?", "Anything else you would like to tell us?", "還有什麼想告訴我們的嗎?"),
          },
        ],
      },
    ],
    closedLoop: [
      {
        when: { kind: "answer", question: "recent_csat", operator: "lte", value: 2 },
        assignTo: "account_manager",
        dueInHours: 48,
      },
    ],
  },
};
