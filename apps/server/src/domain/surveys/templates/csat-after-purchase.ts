/**
 * A one-minute survey right after a purchase or a visit: the headline CSAT, four attributes that explain it, the
 * effort it took (CES) and one open question. A very unhappy answer (CSAT 1 or 2) asks the store to call back.
 */
import type { SurveyTemplate } from "./index.ts";
import { TEMPLATE_LANGUAGES, text } from "./localized-text.ts";

export const csatAfterPurchase: SurveyTemplate = {
  key: "csat-after-purchase",
  title: text("购后满意度回访", "After-purchase satisfaction", "消費後滿意度回訪"),
  description: text(
    "顾客购物或到店后一分钟内可答完:总体满意度(CSAT)、商品、店员、速度和环境四项评分、顾客费力度(CES)和一个改进建议;打 1–2 分的顾客会自动生成回访任务。",
    "A one-minute survey after a purchase or visit: overall satisfaction (CSAT), ratings of product, staff, speed and store, customer effort (CES) and one suggestion. Anyone who answers 1 or 2 gets a follow-up call.",
    "顧客購物或到店後一分鐘內即可填完:整體滿意度(CSAT)、商品、店員、速度與環境四項評分、顧客費力度(CES)及一項改善建議;給 1–2 分的顧客會自動產生回訪任務。",
  ),
  measures: ["csat", "ces"],
  definition: {
    title: text("您这次的体验怎么样?", "How was your visit today?", "您這次的體驗如何?"),
    intro: text(
      "感谢您的光临!下面几个问题大约需要一分钟,您的每一条意见都会直接送到门店负责人手中。",
      "Thank you for coming in! These few questions take about a minute, and every answer goes straight to the store manager.",
      "感謝您的光臨!以下幾個問題大約需要一分鐘,您的每一則意見都會直接送到門市負責人手上。",
    ),
    thanks: text(
      "谢谢您抽空填写!我们会认真看每一条意见,下次见。",
      "Thank you for taking the time. We read every answer — see you next time.",
      "謝謝您撥空填寫!我們會仔細閱讀每一則意見,下次見。",
    ),
    languages: TEMPLATE_LANGUAGES,
    pages: [
      {
        key: "experience",
        title: text("本次体验", "Your visit", "本次體驗"),
        questions: [
          {
            key: "overall_csat",
            type: "csat",
            title: text(
              "总的来说,您对这次购物或到店体验满意吗?",
              "Overall, how satisfied are you with this purchase or visit?",
              "整體而言,您對這次購物或到店體驗滿意嗎?",
            ),
          },
          {
            key: "product_quality",
            type: "likert",
            points: 5,
            labels: "satisfaction",
            required: false,
            title: text("商品(或服务)本身的质量", "The quality of what you bought", "商品(或服務)本身的品質"),
            help: text("没有接触到的项目可以跳过。", "Skip anything that did not apply to you.", "沒有接觸到的項目可以略過。"),
          },
          {
            key: "staff_attitude",
            type: "likert",
            points: 5,
            labels: "satisfaction",
            required: false,
            title: text("店员的态度和专业程度", "How friendly and knowledgeable our staff were", "店員的態度與專業程度"),
          },
          {
            key: "service_speed",
            type: "likert",
            points: 5,
            labels: "satisfaction",
            required: false,
            title: text("等候和结账的速度", "How quickly you were served and checked out", "等候與結帳的速度"),
          },
          {
            key: "store_environment",
            type: "likert",
            points: 5,
            labels: "satisfaction",
            required: false,
            title: text("店内环境是否整洁、舒适", "How clean and comfortable the store was", "店內環境是否整潔、舒適"),
          },
        ],
      },
      {
        key: "effort_and_ideas",
        title: text("省心程度与建议", "Ease and ideas", "便利程度與建議"),
        questions: [
          {
            key: "customer_effort",
            type: "ces",
            title: text(
              "这次在我们这里,想办的事办得很轻松。",
              "We made it easy for you to get what you came for.",
              "這次在我們這裡,想辦的事都辦得很輕鬆。",
            ),
          },
          {
            key: "improvement",
            type: "text",
            required: false,
            maxLength: 1000,
            title: text("我们哪里还可以做得更好?", "What could we do better?", "我們還有哪些地方可以做得更好?"),
          },
          {
            key: "callback_wanted",
            type: "single_choice",
            required: false,
            showIf: [{ question: "overall_csat", operator: "lte", value: 3 }],
            title: text(
              "很抱歉没让您满意。您希望我们和您联系吗?",
              "We are sorry we let you down. Would you like us to get in touch?",
              "很抱歉沒能讓您滿意。您希望我們與您聯繫嗎?",
            ),
            options: [
              { key: "yes", label: text("希望,请尽快联系我", "Yes, please contact me soon", "希望,請盡快與我聯繫") },
              { key: "no", label: text("不用了", "No, thank you", "不用了") },
            ],
          },
        ],
      },
    ],
    closedLoop: [
      {
        when: { kind: "answer", question: "overall_csat", operator: "lte", value: 2 },
        assignTo: "store",
        dueInHours: 24,
      },
    ],
  },
};
