/**
 * A three-level satisfaction index for a supermarket: overall satisfaction (level 1) over five weighted dimensions
 * — goods, price, service, store environment, convenience (level 2) — over 20 weighted indicators (level 3), one
 * 5-point question each. Eight indicators also get an importance rating for the importance-performance map; the
 * others can use importance derived from the overall score.
 */
import type { SurveyTemplate } from "./index.ts";
import { type DimensionEntry, importanceQuestionOf, indicatorSystemOf, ratingQuestionsOf } from "./indicator-questions.ts";
import { TEMPLATE_LANGUAGES, text } from "./localized-text.ts";

const [goods, price, service, environment, convenience]: DimensionEntry[] = [
  {
    key: "goods",
    name: ["商品", "Goods", "商品"],
    weight: 0.25,
    indicators: [
      { key: "goods_variety", weight: 0.25, name: ["品种齐全", "Range", "品項齊全"], question: ["商品品种是否齐全,想买的东西基本都能买到", "A wide range, so you find what you came for", "商品品項是否齊全,想買的東西大多買得到"] },
      { key: "goods_freshness", weight: 0.3, name: ["生鲜新鲜", "Freshness", "生鮮新鮮"], question: ["蔬果、肉类、水产等生鲜是否新鲜", "How fresh the fruit, vegetables, meat and fish are", "蔬果、肉類、水產等生鮮是否新鮮"] },
      { key: "goods_quality", weight: 0.25, name: ["质量可靠", "Reliable quality", "品質可靠"], question: ["商品质量可靠,在保质期内、包装完好", "Products in good condition, well within their dates", "商品品質可靠,在保存期限內、包裝完好"] },
      { key: "goods_in_stock", weight: 0.2, name: ["货架不缺货", "In stock", "貨架不缺貨"], question: ["常买的商品在货架上都有货", "The things you buy regularly are on the shelf", "常買的商品在貨架上都有貨"] },
    ],
  },
  {
    key: "price",
    name: ["价格", "Price", "價格"],
    weight: 0.2,
    indicators: [
      { key: "price_level", weight: 0.4, name: ["价格实惠", "Price level", "價格實惠"], question: ["和其他超市相比,这里的价格是否实惠", "Prices compared with other supermarkets", "和其他超市相比,這裡的價格是否實惠"] },
      { key: "price_promotions", weight: 0.3, name: ["促销与会员优惠", "Offers", "促銷與會員優惠"], question: ["促销活动和会员优惠是否实在", "How worthwhile the promotions and member offers are", "促銷活動與會員優惠是否實在"] },
      { key: "price_accuracy", weight: 0.3, name: ["明码标价", "Price accuracy", "明碼標價"], question: ["价签清楚,结账金额和标价一致", "Clear price labels, and the till charges what the label says", "標價清楚,結帳金額與標價一致"] },
    ],
  },
  {
    key: "service",
    name: ["服务", "Service", "服務"],
    weight: 0.2,
    indicators: [
      { key: "service_attitude", weight: 0.3, name: ["员工态度", "Staff manner", "員工態度"], question: ["员工是否热情、有礼貌", "How friendly and polite the staff are", "員工是否親切、有禮貌"] },
      { key: "service_help", weight: 0.2, name: ["导购帮助", "Help on the floor", "現場協助"], question: ["找不到商品或有疑问时,能及时得到帮助", "Getting help quickly when you cannot find something", "找不到商品或有疑問時,能及時得到協助"] },
      { key: "service_checkout", weight: 0.3, name: ["结账速度", "Checkout speed", "結帳速度"], question: ["排队结账的等候时间", "How long you wait at the checkout", "排隊結帳的等候時間"] },
      { key: "service_returns", weight: 0.2, name: ["退换与投诉处理", "Returns and complaints", "退換貨與客訴處理"], question: ["退换货和投诉处理是否顺畅", "How smoothly returns and complaints are handled", "退換貨與客訴處理是否順暢"], isOptional: true },
    ],
  },
  {
    key: "environment",
    name: ["购物环境", "Store environment", "購物環境"],
    weight: 0.15,
    indicators: [
      { key: "env_cleanliness", weight: 0.35, name: ["干净整洁", "Cleanliness", "乾淨整潔"], question: ["卖场地面、货架和卫生间是否干净", "How clean the floors, shelves and toilets are", "賣場地面、貨架與洗手間是否乾淨"] },
      { key: "env_layout", weight: 0.25, name: ["布局与标识", "Layout and signs", "動線與標示"], question: ["商品摆放有条理,指示标识清楚好找", "A clear layout and signs that make things easy to find", "商品陳列有條理,指示標示清楚好找"] },
      { key: "env_comfort", weight: 0.2, name: ["舒适度", "Comfort", "舒適度"], question: ["温度、照明和通道宽度是否舒适", "Comfortable temperature, lighting and aisle space", "溫度、照明與走道寬度是否舒適"] },
      { key: "env_safety", weight: 0.2, name: ["安全", "Safety", "安全"], question: ["地面防滑、通道畅通,购物感到安全", "Safe to shop: non-slip floors, clear aisles and exits", "地面防滑、通道暢通,購物感到安全"] },
    ],
  },
  {
    key: "convenience",
    name: ["便利", "Convenience", "便利"],
    weight: 0.2,
    indicators: [
      { key: "conv_location", weight: 0.3, name: ["位置交通", "Location", "位置交通"], question: ["门店位置和交通是否方便", "How easy the store is to get to", "門市位置與交通是否方便"] },
      { key: "conv_parking", weight: 0.15, name: ["停车", "Parking", "停車"], question: ["停车(含电动车、自行车)是否方便", "Parking, for cars and bikes alike", "停車(含機車、腳踏車)是否方便"], isOptional: true },
      { key: "conv_hours", weight: 0.2, name: ["营业时间", "Opening hours", "營業時間"], question: ["营业时间是否合适", "Whether the opening hours suit you", "營業時間是否合適"] },
      { key: "conv_payment", weight: 0.15, name: ["支付方式", "Ways to pay", "付款方式"], question: ["支付方式是否方便(微信、支付宝、银行卡、现金)", "Ways to pay (mobile wallets, cards, cash)", "付款方式是否方便(行動支付、信用卡、現金)"] },
      { key: "conv_online", weight: 0.2, name: ["线上下单配送", "Online orders", "線上購物配送"], question: ["线上下单后送货到家或到店自提是否方便", "Ordering online for delivery or in-store pick-up", "線上下單後宅配到府或到店取貨是否方便"], isOptional: true },
    ],
  },
];

const dimensions = [goods, price, service, environment, convenience];

export const supermarketIndex: SurveyTemplate = {
  key: "supermarket-index",
  title: text("超市顾客满意度指数", "Supermarket satisfaction index", "超市顧客滿意度指數"),
  description: text(
    "三级测评指标体系:一级为总体满意度,二级为商品、价格、服务、购物环境和便利五个维度,三级为 20 个具体指标,均带权重;每个指标一道 5 级满意度题,另有 8 个关键指标的重要性评分,用于指数树、“最该改进”排序和重要性—表现分析。",
    "A three-level index: overall satisfaction, five weighted dimensions (goods, price, service, store environment, convenience) and 20 weighted indicators, one 5-point question each, plus importance ratings for eight key indicators — for the index tree, the 'where to work' list and the importance-performance map.",
    "三級評量指標體系:一級為整體滿意度,二級為商品、價格、服務、購物環境與便利五個構面,三級為 20 個具體指標,皆附權重;每個指標一道 5 點滿意度題,另有 8 個關鍵指標的重要性評分,用於指數樹、「最需改善」排序及重要性—表現分析。",
  ),
  measures: ["indicators", "csat"],
  definition: {
    title: text("超市购物满意度调查", "Your supermarket, rated", "超市購物滿意度調查"),
    intro: text(
      "感谢您在本店购物!请根据您最近几次的购物经历,为下面各项打分(1 = 很不满意,5 = 很满意),约需 5 分钟。",
      "Thank you for shopping with us! Please rate each point below from your last few visits (1 = very dissatisfied, 5 = very satisfied). It takes about 5 minutes.",
      "感謝您在本店購物!請依您最近幾次的購物經驗,為以下各項評分(1 = 很不滿意,5 = 很滿意),約需 5 分鐘。",
    ),
    thanks: text(
      "谢谢!我们会把评分最低的几项列为下一阶段的改进重点。",
      "Thank you! The lowest-rated points become our next things to fix.",
      "謝謝!我們會把評分最低的幾項列為下一階段的改善重點。",
    ),
    languages: TEMPLATE_LANGUAGES,
    indicatorSystem: indicatorSystemOf(dimensions),
    pages: [
      {
        key: "goods_price",
        title: text("商品与价格", "Goods and prices", "商品與價格"),
        questions: [...ratingQuestionsOf(goods), ...ratingQuestionsOf(price)],
      },
      {
        key: "service_environment",
        title: text("服务与购物环境", "Service and the store", "服務與購物環境"),
        questions: [...ratingQuestionsOf(service), ...ratingQuestionsOf(environment)],
      },
      {
        key: "convenience_overall",
        title: text("便利与总体评价", "Convenience, and overall", "便利與整體評價"),
        questions: [
          ...ratingQuestionsOf(convenience),
          {
            key: "overall_csat",
            type: "csat",
            title: text("总体来说,您对本超市满意吗?", "Overall, how satisfied are you with our supermarket?", "整體而言,您對本超市滿意嗎?"),
          },
        ],
      },
      {
        key: "importance",
        title: text("以下各方面对您有多重要?", "How important is each of these to you?", "以下各方面對您有多重要?"),
        questions: [
          "goods_freshness",
          "goods_quality",
          "price_level",
          "price_promotions",
          "service_attitude",
          "service_checkout",
          "env_cleanliness",
          "conv_location",
        ].map((indicator) => importanceQuestionOf(dimensions, indicator)),
      },
      {
        key: "about_you",
        title: text("您的购物习惯", "How you shop", "您的購物習慣"),
        questions: [
          {
            key: "visit_frequency",
            type: "single_choice",
            title: text("您大约多久来本店一次?", "How often do you shop here?", "您大約多久來本店一次?"),
            options: [
              { key: "several_weekly", label: text("每周几次", "Several times a week", "每週數次") },
              { key: "weekly", label: text("每周一次左右", "About once a week", "每週一次左右") },
              { key: "monthly", label: text("每月一两次", "Once or twice a month", "每月一兩次") },
              { key: "rarely", label: text("更少", "Less often", "更少") },
            ],
          },
          {
            key: "improvement",
            type: "text",
            required: false,
            maxLength: 1000,
            title: text("您最希望我们先改进哪一点?", "What is the one thing we should improve first?", "您最希望我們先改善哪一點?"),
          },
        ],
      },
    ],
    closedLoop: [
      { when: { kind: "answer", question: "overall_csat", operator: "lte", value: 2 }, assignTo: "store", dueInHours: 48 },
    ],
  },
};
