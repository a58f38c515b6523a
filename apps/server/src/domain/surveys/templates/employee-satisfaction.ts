/**
 * An anonymous staff survey: five areas of working life (pay and benefits, workload and resources, the direct
 * manager, growth, colleagues) as an equally weighted indicator system of agree/disagree statements, an overall
 * satisfaction rating, the employee NPS and intention to stay. Anonymous surveys never link an answer to a person,
 * so it asks nothing that would single someone out (tenure only in wide bands) and has no closed-loop rule.
 */
import type { SurveyTemplate } from "./index.ts";
import { type DimensionEntry, indicatorSystemOf, ratingQuestionsOf } from "./indicator-questions.ts";
import { TEMPLATE_LANGUAGES, text } from "./localized-text.ts";

const [pay, workload, manager, growth, colleagues]: DimensionEntry[] = [
  {
    key: "pay",
    name: ["薪酬福利", "Pay and benefits", "薪資福利"],
    indicators: [
      { key: "pay_fair", name: ["薪酬与付出相称", "Fair pay", "薪資與付出相稱"], question: ["我的薪酬与我的付出相称", "My pay is fair for the work I do", "我的薪資與我的付出相稱"] },
      { key: "pay_market", name: ["薪酬竞争力", "Pay against the market", "薪資競爭力"], question: ["和同行相比,我的薪酬有竞争力", "My pay compares well with similar jobs elsewhere", "和同業相比,我的薪資有競爭力"] },
      { key: "pay_benefits", name: ["福利", "Benefits", "福利"], question: ["公司的福利(保险、假期、补贴)让我满意", "I am happy with the benefits (insurance, leave, allowances)", "公司的福利(保險、休假、津貼)讓我滿意"] },
    ],
  },
  {
    key: "workload",
    name: ["工作负荷与条件", "Workload and resources", "工作負荷與條件"],
    indicators: [
      { key: "workload_manageable", name: ["工作量", "Workload", "工作量"], question: ["我的工作量是合理的", "My workload is manageable", "我的工作量是合理的"] },
      { key: "workload_schedule", name: ["排班", "Shifts", "排班"], question: ["排班和加班安排公平合理", "Shifts and overtime are shared out fairly", "排班與加班安排公平合理"] },
      { key: "workload_balance", name: ["工作与生活平衡", "Work-life balance", "工作與生活平衡"], question: ["我能兼顾工作和个人生活", "I can balance work with my life outside it", "我能兼顧工作與個人生活"] },
      { key: "workload_tools", name: ["工具与资源", "Tools and resources", "工具與資源"], question: ["我有做好工作所需的工具、设备和信息", "I have the tools, equipment and information to do my job well", "我有做好工作所需的工具、設備與資訊"] },
    ],
  },
  {
    key: "manager",
    name: ["直接上级", "My manager", "直屬主管"],
    indicators: [
      { key: "manager_expectations", name: ["目标清楚", "Clear expectations", "目標清楚"], question: ["我清楚上级对我的工作期望", "I know what my manager expects of me", "我清楚主管對我的工作期望"] },
      { key: "manager_recognition", name: ["及时认可", "Recognition", "及時肯定"], question: ["做得好的时候,上级会及时给予肯定", "My manager notices and recognises good work", "表現好的時候,主管會及時給予肯定"] },
      { key: "manager_fairness", name: ["尊重与公平", "Respect and fairness", "尊重與公平"], question: ["上级尊重我,待人公平", "My manager treats me with respect and fairness", "主管尊重我,待人公平"] },
      { key: "manager_listens", name: ["倾听意见", "Being heard", "傾聽意見"], question: ["我提出的意见和建议会被认真对待", "My ideas and concerns are taken seriously", "我提出的意見與建議會被認真看待"] },
    ],
  },
  {
    key: "growth",
    name: ["成长发展", "Growth", "成長發展"],
    indicators: [
      { key: "growth_learning", name: ["学习成长", "Learning", "學習成長"], question: ["过去一年,我在工作中学到了新东西", "I have learned new things at work in the past year", "過去一年,我在工作中學到了新東西"] },
      { key: "growth_training", name: ["培训", "Training", "教育訓練"], question: ["公司提供了我需要的培训", "I get the training I need", "公司提供了我需要的教育訓練"] },
      { key: "growth_career", name: ["晋升机会", "Career path", "升遷機會"], question: ["在这里我看得到自己的发展和晋升机会", "I can see a way to grow and be promoted here", "在這裡我看得到自己的發展與升遷機會"] },
    ],
  },
  {
    key: "colleagues",
    name: ["同事与团队", "Colleagues and teamwork", "同事與團隊"],
    indicators: [
      { key: "colleagues_support", name: ["互相帮助", "Mutual support", "互相幫忙"], question: ["同事之间愿意互相帮忙", "Colleagues help each other out", "同事之間願意互相幫忙"] },
      { key: "colleagues_cooperation", name: ["部门协作", "Working across teams", "跨部門合作"], question: ["部门之间配合顺畅", "Teams and departments work well together", "部門之間配合順暢"] },
      { key: "colleagues_customer_pride", name: ["服务自豪感", "Pride in service", "服務榮譽感"], question: ["我和同事都以给顾客提供好的服务为荣", "My colleagues and I take pride in serving customers well", "我和同事都以為顧客提供好的服務為榮"] },
    ],
  },
];

export const employeeSatisfaction: SurveyTemplate = {
  key: "employee-satisfaction",
  title: text("员工满意度调查(匿名)", "Employee satisfaction (anonymous)", "員工滿意度調查(匿名)"),
  description: text(
    "匿名的员工满意度调查:薪酬福利、工作负荷与条件、直接上级、成长发展、同事与团队五个方面共 17 项同意度题,加上总体满意度、员工净推荐值(eNPS)和留任意愿;可与同一门店的顾客满意度放在一起看,找出“员工不满、顾客却还满意”的隐患。",
    "An anonymous staff survey: 17 agree/disagree statements on pay and benefits, workload and resources, the direct manager, growth, and colleagues, plus overall satisfaction, the employee NPS (eNPS) and intention to stay. Read it beside the same store's customer satisfaction to spot trouble before customers feel it.",
    "匿名的員工滿意度調查:薪資福利、工作負荷與條件、直屬主管、成長發展、同事與團隊五個面向共 17 項同意度題,加上整體滿意度、員工淨推薦值(eNPS)與留任意願;可與同一門市的顧客滿意度對照,找出「員工不滿、顧客仍滿意」的隱憂。",
  ),
  measures: ["employee", "nps", "indicators"],
  definition: {
    title: text("员工满意度调查", "Staff survey", "員工滿意度調查"),
    intro: text(
      "这份问卷是匿名的:不会记录您的姓名、工号或联系方式,也没有人能把答案和您对应起来。请说出真实想法,约需 6 分钟。",
      "This survey is anonymous: it does not record your name, staff number or contact details, and no one can match the answers to you. Please say what you really think; it takes about 6 minutes.",
      "這份問卷是匿名的:不會記錄您的姓名、員工編號或聯絡方式,也沒有人能把答案與您對應起來。請說出真實想法,約需 6 分鐘。",
    ),
    thanks: text(
      "谢谢您的坦诚!汇总结果和改进计划会在全员会上公布。",
      "Thank you for your honesty! We will share the overall results and what we plan to do about them.",
      "謝謝您的坦誠!整體結果與改善計畫會在全員會議上公布。",
    ),
    languages: TEMPLATE_LANGUAGES,
    isAnonymous: true,
    indicatorSystem: indicatorSystemOf([pay, workload, manager, growth, colleagues]),
    pages: [
      {
        key: "pay_workload",
        title: text("薪酬与工作", "Pay and workload", "薪資與工作"),
        questions: [...ratingQuestionsOf(pay, "agreement"), ...ratingQuestionsOf(workload, "agreement")],
      },
      {
        key: "manager_team",
        title: text("上级与团队", "Your manager and team", "主管與團隊"),
        questions: [...ratingQuestionsOf(manager, "agreement"), ...ratingQuestionsOf(colleagues, "agreement")],
      },
      {
        key: "growth_overall",
        title: text("成长与总体感受", "Growth, and overall", "成長與整體感受"),
        questions: [
          ...ratingQuestionsOf(growth, "agreement"),
          {
            key: "overall_satisfaction",
            type: "likert",
            points: 5,
            labels: "satisfaction",
            title: text("总的来说,您对在这里工作满意吗?", "Overall, how satisfied are you working here?", "整體而言,您對在這裡工作滿意嗎?"),
          },
          {
            key: "enps",
            type: "nps",
            title: text(
              "您有多大可能推荐朋友来我们这里工作?",
              "How likely are you to recommend working here to a friend?",
              "您有多大可能推薦朋友來我們這裡工作?",
            ),
            help: text("0 = 完全不可能,10 = 非常可能", "0 = not at all likely, 10 = extremely likely", "0 = 完全不可能,10 = 非常可能"),
          },
          {
            key: "enps_low_reason",
            type: "text",
            required: false,
            maxLength: 2000,
            showIf: [{ question: "enps", operator: "lte", value: 6 }],
            title: text(
              "您不太愿意推荐朋友来这里工作,主要原因是什么?",
              "What mainly holds you back from recommending us as an employer?",
              "您不太願意推薦朋友來這裡工作,主要原因是什麼?",
            ),
          },
          {
            key: "intent_to_stay",
            type: "single_choice",
            title: text("一年以后,您觉得自己还会在这里工作吗?", "A year from now, do you think you will still work here?", "一年以後,您覺得自己還會在這裡工作嗎?"),
            options: [
              { key: "certainly", label: text("肯定会", "Certainly", "一定會") },
              { key: "probably", label: text("大概会", "Probably", "應該會") },
              { key: "unsure", label: text("说不准", "Not sure", "很難說") },
              { key: "probably_not", label: text("大概不会", "Probably not", "應該不會") },
            ],
          },
        ],
      },
      {
        key: "last_words",
        title: text("最后", "Finally", "最後"),
        questions: [
          {
            key: "tenure",
            type: "single_choice",
            required: false,
            title: text("您在公司工作多久了?", "How long have you worked here?", "您在公司工作多久了?"),
            options: [
              { key: "under_1_year", label: text("不到 1 年", "Less than a year", "不到 1 年") },
              { key: "years_1_to_3", label: text("1–3 年", "1–3 years", "1–3 年") },
              { key: "over_3_years", label: text("3 年以上", "More than 3 years", "3 年以上") },
            ],
          },
          {
            key: "one_change",
            type: "text",
            required: false,
            maxLength: 2000,
            title: text(
              "如果可以改变公司的一件事,您希望是什么?",
              "If you could change one thing about working here, what would it be?",
              "如果可以改變公司的一件事,您希望是什麼?",
            ),
          },
        ],
      },
    ],
  },
};
