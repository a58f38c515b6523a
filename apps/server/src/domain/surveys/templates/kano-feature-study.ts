/**
 * A Kano study of six candidate features of a retail store and its membership app. Each Kano question holds one
 * feature; the respondent page asks it as a pair (how would you feel if it were there / if it were not) and the
 * report classifies it as 基本 (must-be), 绩效 (one-dimensional), 激励 (attractive), indifferent or reverse. A
 * self-stated importance follows for each feature, keyed `importance_<feature question key>` so the report can
 * rank features within a category.
 */
import type { QuestionInput } from "@kexin/contracts";
import type { SurveyTemplate } from "./index.ts";
import { TEMPLATE_LANGUAGES, text } from "./localized-text.ts";

interface Feature {
  key: string;
  name: [zhCN: string, en: string, zhTW: string];
  detail: [zhCN: string, en: string, zhTW: string];
}

const features: Feature[] = [
  {
    key: "scan_and_go",
    name: ["手机扫码自助结账", "Scan-and-go checkout on your phone", "手機掃碼自助結帳"],
    detail: [
      "在店里用会员 App 扫描商品条码,直接在手机上付款,出门时出示付款码即可,不用排队结账。",
      "Scan each item's barcode with the member app as you shop, pay on your phone and show the receipt code on the way out — no checkout queue.",
      "在店內用會員 App 掃描商品條碼,直接在手機上付款,離店時出示付款條碼即可,不必排隊結帳。",
    ],
  },
  {
    key: "live_stock",
    name: ["查看门店实时库存", "Live stock check for your store", "查詢門市即時庫存"],
    detail: [
      "出门前就能在 App 里查到想买的商品在附近哪家门店有货、还剩多少、放在哪个货架。",
      "Before you leave home, see in the app which nearby store has the item, how many are left and which aisle it is in.",
      "出門前就能在 App 查到想買的商品在附近哪家門市有貨、還剩多少、擺在哪個貨架。",
    ],
  },
  {
    key: "one_hour_delivery",
    name: ["一小时送货到家", "Home delivery within an hour", "一小時送貨到府"],
    detail: [
      "在 App 下单后,由最近的门店在一小时内送到家,满一定金额免配送费。",
      "Order in the app and the nearest store delivers to your door within an hour, free above a minimum order.",
      "在 App 下單後,由最近的門市於一小時內送貨到府,滿一定金額免運費。",
    ],
  },
  {
    key: "points_as_cash",
    name: ["积分当钱花", "Points that pay at the till", "點數當錢用"],
    detail: [
      "消费积累的积分在结账时直接抵扣现金,不用再兑换礼品或优惠券。",
      "Points you collect take money off your bill at checkout — no need to swap them for gifts or coupons first.",
      "消費累積的點數在結帳時直接折抵現金,不必再兌換贈品或優惠券。",
    ],
  },
  {
    key: "birthday_gift",
    name: ["会员生日礼", "A birthday treat for members", "會員生日禮"],
    detail: [
      "会员生日当月到店可领取一份小礼物,或获得一张专属折扣券。",
      "In your birthday month, pick up a small gift in store or get a personal discount voucher.",
      "會員生日當月到店可領取一份小禮物,或獲得一張專屬折價券。",
    ],
  },
  {
    key: "easy_returns",
    name: ["电子小票一键退换", "Digital receipts and one-tap returns", "電子發票一鍵退換"],
    detail: [
      "购物小票自动保存在 App 里,退换货时在 App 上点一下发起,到任意门店即可办理,不需要纸质小票。",
      "Receipts are saved in the app; start a return with one tap and finish it at any store, without a paper receipt.",
      "購物明細自動存在 App 裡,退換貨時在 App 上點一下即可申請,到任一門市都能辦理,不需要紙本收據。",
    ],
  },
];

const kanoQuestions: QuestionInput[] = features.map(({ key, name, detail }) => ({
  key,
  type: "kano",
  title: text(...name),
  feature: text(...detail),
}));

const importanceQuestions: QuestionInput[] = features.map(({ key, name }) => ({
  key: `importance_${key}`,
  type: "importance",
  points: 5,
  title: text(...name),
}));

export const kanoFeatureStudy: SurveyTemplate = {
  key: "kano-feature-study",
  title: text("Kano 功能需求调查(零售会员)", "Kano feature study (retail membership)", "Kano 功能需求調查(零售會員)"),
  description: text(
    "在投入开发之前,先弄清楚哪些功能是顾客认为“理所当然”的基本需求、哪些越多越好、哪些能带来惊喜:六个门店与会员 App 的候选功能,每个功能问“有它时”和“没有它时”的感受,再评重要程度。可以把功能换成您自己的。",
    "Before building anything, find out which features customers take for granted, which they want more of and which would delight them: six candidate features of a store and its member app, each asked as 'if it were there' and 'if it were not', plus how important it is. Replace the features with your own.",
    "在投入開發之前,先釐清哪些功能是顧客認為「理所當然」的基本需求、哪些越多越好、哪些能帶來驚喜:六個門市與會員 App 的候選功能,每個功能詢問「有它時」與「沒有它時」的感受,再評估重要程度。可以把功能換成您自己的。",
  ),
  measures: ["kano"],
  definition: {
    title: text("您希望我们增加哪些服务?", "Which new services would you like?", "您希望我們增加哪些服務?"),
    intro: text(
      "我们正在考虑为门店和会员 App 增加几项新服务。每项服务会问您两个问题:如果有这项服务,您感觉如何;如果没有,您又感觉如何。请按第一感觉作答,约需 5 分钟。",
      "We are thinking about adding a few services to our stores and member app. For each one we ask two things: how you would feel if we offered it, and how you would feel if we did not. Go with your first reaction; it takes about 5 minutes.",
      "我們正在考慮為門市與會員 App 增加幾項新服務。每項服務會問您兩個問題:如果有這項服務,您感覺如何;如果沒有,您又感覺如何。請依第一直覺作答,約需 5 分鐘。",
    ),
    thanks: text(
      "谢谢!您的回答会直接影响我们先做哪一项。",
      "Thank you! Your answers decide what we build first.",
      "謝謝!您的回答會直接影響我們優先推出哪一項。",
    ),
    languages: TEMPLATE_LANGUAGES,
    pages: [
      { key: "features", title: text("新服务设想", "Ideas for new services", "新服務構想"), questions: kanoQuestions },
      {
        key: "importance",
        title: text("这些服务对您有多重要?", "How much does each matter to you?", "這些服務對您有多重要?"),
        questions: importanceQuestions,
      },
      {
        key: "about_you",
        title: text("关于您", "About you", "關於您"),
        questions: [
          {
            key: "visit_frequency",
            type: "single_choice",
            title: text("您多久来我们店购物一次?", "How often do you shop with us?", "您多久來我們店購物一次?"),
            options: [
              { key: "weekly", label: text("每周至少一次", "At least once a week", "每週至少一次") },
              { key: "monthly", label: text("每月一到三次", "One to three times a month", "每月一到三次") },
              { key: "rarely", label: text("一个月不到一次", "Less than once a month", "一個月不到一次") },
            ],
          },
          {
            key: "uses_app",
            type: "single_choice",
            title: text("您现在用我们的会员 App 吗?", "Do you use our member app now?", "您現在有使用我們的會員 App 嗎?"),
            options: [
              { key: "often", label: text("经常用", "Often", "經常使用") },
              { key: "sometimes", label: text("偶尔用", "Now and then", "偶爾使用") },
              { key: "installed_unused", label: text("装了但基本不用", "Installed, hardly used", "有安裝但幾乎沒用") },
              { key: "no", label: text("没有装", "Not installed", "沒有安裝") },
            ],
          },
          {
            key: "other_ideas",
            type: "text",
            required: false,
            maxLength: 1000,
            title: text("还有什么服务是您希望我们提供的?", "Is there anything else you wish we offered?", "還有什麼服務是您希望我們提供的?"),
          },
        ],
      },
    ],
  },
};
