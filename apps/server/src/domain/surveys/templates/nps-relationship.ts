/**
 * The relationship NPS survey sent to customers a few times a year: likelihood to recommend (0–10), one follow-up
 * question fitted to the score, the reasons behind it and how long the customer has been with us. Detractors
 * (0–6) open a follow-up task for their account manager.
 */
import type { SurveyTemplate } from "./index.ts";
import { TEMPLATE_LANGUAGES, text } from "./localized-text.ts";

export const npsRelationship: SurveyTemplate = {
  key: "nps-relationship",
  title: text("客户推荐意愿(NPS)调查", "Relationship NPS survey", "顧客推薦意願(NPS)調查"),
  description: text(
    "定期了解客户关系的健康度:0–10 分推荐意愿,按分数追问原因(贬损者问“哪里让您失望”,推荐者问“最欣赏什么”),再选出影响评分的主要因素;打 0–6 分的客户自动交给客户经理回访。",
    "A periodic check on the health of the relationship: likelihood to recommend from 0 to 10, a follow-up fitted to the score (what let detractors down, what promoters value), and the main reasons behind it. Scores of 0–6 go to the account manager for a follow-up.",
    "定期了解顧客關係的健康度:0–10 分推薦意願,依分數追問原因(批評者問「哪裡讓您失望」,推薦者問「最欣賞什麼」),再選出影響評分的主要因素;給 0–6 分的顧客自動交由客戶經理回訪。",
  ),
  measures: ["nps"],
  definition: {
    title: text("您愿意把我们推荐给别人吗?", "Would you recommend us?", "您願意把我們推薦給別人嗎?"),
    intro: text(
      "这份问卷只有几道题,用来了解我们在您心中的位置。您的回答只用于改进服务。",
      "Just a few questions about how we are doing for you. Your answers are used only to improve our service.",
      "這份問卷只有幾道題,用來了解我們在您心中的評價。您的回答僅用於改善服務。",
    ),
    thanks: text(
      "感谢您的坦诚!您的意见会被认真对待。",
      "Thank you for being candid — we take every answer seriously.",
      "感謝您的坦誠!您的意見會受到認真對待。",
    ),
    languages: TEMPLATE_LANGUAGES,
    pages: [
      {
        key: "recommendation",
        title: text("推荐意愿", "Recommendation", "推薦意願"),
        questions: [
          {
            key: "nps",
            type: "nps",
            title: text(
              "您有多大可能把我们推荐给朋友或同事?",
              "How likely are you to recommend us to a friend or colleague?",
              "您有多大可能把我們推薦給朋友或同事?",
            ),
            help: text("0 = 完全不可能,10 = 非常可能", "0 = not at all likely, 10 = extremely likely", "0 = 完全不可能,10 = 非常可能"),
          },
          {
            key: "detractor_reason",
            type: "text",
            required: false,
            showIf: [{ question: "nps", operator: "lte", value: 6 }],
            title: text(
              "是什么让您失望了?如果只能先改一件事,您希望是哪件?",
              "What let you down? If we could fix only one thing first, what should it be?",
              "是什麼讓您失望了?如果只能先改善一件事,您希望是哪一件?",
            ),
          },
          {
            key: "passive_reason",
            type: "text",
            required: false,
            showIf: [
              { question: "nps", operator: "gte", value: 7 },
              { question: "nps", operator: "lte", value: 8 },
            ],
            title: text(
              "我们还差在哪里,才能让您打出 9 分或 10 分?",
              "What would it take for you to give us a 9 or a 10?",
              "我們還差在哪裡,才能讓您給出 9 分或 10 分?",
            ),
          },
          {
            key: "promoter_reason",
            type: "text",
            required: false,
            showIf: [{ question: "nps", operator: "gte", value: 9 }],
            title: text(
              "谢谢您的肯定!您最欣赏我们哪一点?",
              "Thank you! What do you value most about us?",
              "謝謝您的肯定!您最欣賞我們哪一點?",
            ),
          },
        ],
      },
      {
        key: "reasons",
        title: text("评分原因", "Behind your score", "評分原因"),
        questions: [
          {
            key: "score_drivers",
            type: "multiple_choice",
            maxSelections: 3,
            title: text(
              "哪些方面对您刚才的评分影响最大?(最多选 3 项)",
              "Which of these mattered most to your score? (up to 3)",
              "哪些方面對您剛才的評分影響最大?(最多選 3 項)",
            ),
            options: [
              { key: "product_quality", label: text("产品质量", "Product quality", "產品品質") },
              { key: "price", label: text("价格", "Price", "價格") },
              { key: "service_attitude", label: text("服务态度", "How we treat you", "服務態度") },
              { key: "response_speed", label: text("响应速度", "How fast we respond", "回應速度") },
              { key: "expertise", label: text("专业能力", "Expertise", "專業能力") },
              { key: "delivery", label: text("交付准时", "On-time delivery", "交貨準時") },
              { key: "after_sales", label: text("售后服务", "After-sales service", "售後服務") },
              { key: "convenience", label: text("方便省事", "Convenience", "方便省事") },
              { key: "reputation", label: text("品牌信誉", "Reputation", "品牌信譽") },
              { key: "other", label: text("其他", "Something else", "其他") },
            ],
          },
          {
            key: "relationship_length",
            type: "single_choice",
            title: text("您成为我们的客户多久了?", "How long have you been our customer?", "您成為我們的顧客多久了?"),
            options: [
              { key: "under_1_year", label: text("不到 1 年", "Less than a year", "不到 1 年") },
              { key: "years_1_to_3", label: text("1–3 年", "1–3 years", "1–3 年") },
              { key: "years_3_to_5", label: text("3–5 年", "3–5 years", "3–5 年") },
              { key: "over_5_years", label: text("5 年以上", "More than 5 years", "5 年以上") },
            ],
          },
        ],
      },
    ],
    closedLoop: [
      {
        when: { kind: "answer", question: "nps", operator: "lte", value: 6 },
        assignTo: "account_manager",
        dueInHours: 48,
      },
    ],
  },
};
