/**
 * What the demo's respondents write in the open questions: a small phrase bank written for Kexin, in 简体中文 and
 * English, by topic and tone. A comment always agrees with the scores it comes with — a low score complains about
 * its weakest point (排队, 态度, 缺货 …), a high one praises its strongest (热情, 干净, 方便 …) — so the report's
 * themes and the sentiment of the text mean something.
 */
import type { Random } from "@kexin/analytics";
import { pick } from "./draws.ts";

/** What a comment is about; the simulations name the weakest or strongest point of an answer with these. */
export type CommentTopic = "queue" | "staff" | "stock" | "freshness" | "cleanliness" | "price" | "convenience" | "after_sales" | "general";
/** negative: a complaint; suggestion: a mild "could be better"; positive: praise. */
export type CommentTone = "negative" | "suggestion" | "positive";
export type CommentLanguage = "zh-CN" | "en";

type Bank = Record<CommentTopic, Record<CommentTone, Record<CommentLanguage, readonly string[]>>>;

const BANK: Bank = {
  queue: {
    negative: {
      "zh-CN": [
        "结账排队太久了，高峰期只开两个收银台。",
        "排队等了二十多分钟才结上账，太浪费时间。",
        "排长队，自助收银机还经常故障。",
        "周末人太多，结账要排很久，希望多开几个收银台。",
      ],
      en: ["The checkout queue was far too long; only two tills were open.", "Waited over twenty minutes to pay. Please open more counters."],
    },
    suggestion: {
      "zh-CN": ["整体还可以，就是结账排队有点久。", "希望高峰期多开几个收银台。", "自助收银再多几台就好了。"],
      en: ["Fine overall, but the queue at the checkout was a bit slow.", "More self-checkout machines would help at busy times."],
    },
    positive: {
      "zh-CN": ["今天结账很快，新开的自助收银很方便。", "收银速度比以前快多了，结账很快捷。", "结账快捷，收银员手脚很麻利。"],
      en: ["Checkout was quick today, the new self-checkout is great.", "Much faster at the tills than before, no queue at all."],
    },
  },
  staff: {
    negative: {
      "zh-CN": [
        "店员态度冷淡，问了两遍才有人理。",
        "服务态度差，问个问题都不耐烦。",
        "收银员态度不好，找零也很敷衍。",
        "找不到商品想问人，结果没人理。",
      ],
      en: ["The staff were unfriendly and seemed annoyed by my questions.", "I asked where things were and the staff were unhelpful."],
    },
    suggestion: {
      "zh-CN": ["店员可以再主动一点。", "希望店员对商品更熟悉一些。"],
      en: ["Staff could be a little more proactive.", "It would help if staff knew the products better."],
    },
    positive: {
      "zh-CN": [
        "店员很热情，主动帮我找到了想要的东西。",
        "服务态度特别好，收银员耐心又有礼貌。",
        "导购很专业，推荐的东西很合适，点赞！",
        "店员热情周到，让人很舒服。",
      ],
      en: ["The staff were friendly and helped me find everything.", "Very polite and patient service, thank you!"],
    },
  },
  stock: {
    negative: {
      "zh-CN": [
        "想买的东西经常缺货，跑了两趟都没有。",
        "促销商品一早就断货了，白跑一趟。",
        "常买的牛奶又缺货了，补货太慢。",
      ],
      en: ["The items I came for were out of stock again, very disappointing.", "Promotional items were sold out first thing in the morning. Frustrating."],
    },
    suggestion: {
      "zh-CN": ["品种可以再多一些，有些进口商品找不到。", "希望常用商品补货及时一点。"],
      en: ["A wider range would be nice.", "Please restock the everyday items more often."],
    },
    positive: {
      "zh-CN": ["商品品种齐全，购物很方便。", "货架很满，东西齐全，购物方便。"],
      en: ["Great range, I found everything on my list.", "Shelves well stocked, a great range."],
    },
  },
  freshness: {
    negative: {
      "zh-CN": ["买到的水果不新鲜，回家就坏了。", "有一盒酸奶快过期了还在卖，不太放心。", "生鲜区的菜有点发蔫，不新鲜。"],
      en: ["The fruit I bought was stale and went off the same day.", "Found expired yoghurt on the shelf."],
    },
    suggestion: {
      "zh-CN": ["生鲜可以再新鲜一点。", "希望晚上也能买到新鲜的蔬菜。"],
      en: ["Fresh produce could be fresher in the evening."],
    },
    positive: {
      "zh-CN": ["蔬菜水果很新鲜，质量放心。", "生鲜很新鲜，肉类品质不错。", "商品质量好，买着放心。"],
      en: ["Fruit and vegetables were really fresh.", "Good quality products, I trust what I buy here."],
    },
  },
  cleanliness: {
    negative: {
      "zh-CN": ["地面有点脏，生鲜区有异味。", "卫生间不卫生，需要多打扫。", "货架上落了灰，看着脏乱。"],
      en: ["The floor was dirty and the fresh food area smelled.", "The toilets were not clean."],
    },
    suggestion: {
      "zh-CN": ["卫生还可以再加强一些。", "希望卫生间多打扫几次。"],
      en: ["Cleaning could be a little more frequent."],
    },
    positive: {
      "zh-CN": ["店里干净整洁，逛起来很舒服。", "环境干净，货架摆放整齐。", "卫生做得很好，很舒适。"],
      en: ["The store was clean and pleasant to walk around.", "Clean and tidy, nice to shop here."],
    },
  },
  price: {
    negative: {
      "zh-CN": ["价格比附近超市贵，会员优惠也不明显。", "标价和结账价格不一致，多收了钱。", "东西越来越贵了，不太划算。"],
      en: ["Prices are higher than the supermarket next door, quite expensive.", "I was charged the wrong price at the till."],
    },
    suggestion: {
      "zh-CN": ["价格再实惠一点就更好了。", "希望会员活动多一些。"],
      en: ["Slightly lower prices would make me come more often.", "More member offers, please."],
    },
    positive: {
      "zh-CN": ["会员优惠很实惠，价格划算。", "促销力度大，物美价廉。"],
      en: ["Good value, and the member offers are worth it."],
    },
  },
  convenience: {
    negative: {
      "zh-CN": ["停车太难了，周末根本找不到车位。", "小程序下单经常出错，很麻烦。"],
      en: ["Parking is terrible at weekends.", "The online ordering kept failing, I was annoyed."],
    },
    suggestion: {
      "zh-CN": ["营业时间能再晚一点就好了。", "希望线上配送范围再大一些。"],
      en: ["Opening a bit later in the evening would help."],
    },
    positive: {
      "zh-CN": ["离家近，停车方便，支付也方便。", "线上下单到店自提很方便。", "营业时间长，下班后来买很方便。"],
      en: ["Close to home and easy to pay, very convenient.", "Click and collect was quick and convenient."],
    },
  },
  after_sales: {
    negative: {
      "zh-CN": ["退货要跑好几趟，售后处理太慢。", "投诉之后一直没人回复，很失望。"],
      en: ["Returning an item took several trips; after-sales is too slow.", "I made a complaint and never heard back."],
    },
    suggestion: {
      "zh-CN": ["退换货流程可以再简单一些。"],
      en: ["The returns process could be simpler."],
    },
    positive: {
      "zh-CN": ["退货流程很顺利，售后很靠谱。", "有问题打电话很快就解决了，谢谢。"],
      en: ["Returns were easy and quickly sorted, thank you."],
    },
  },
  general: {
    negative: {
      "zh-CN": ["这次体验很糟糕，很失望。", "体验很差，不太想再来了。"],
      en: ["A disappointing visit, not what I expected.", "Poor experience overall."],
    },
    suggestion: {
      "zh-CN": ["体验一般，没什么特别的。", "还行吧，有些地方需要改进。"],
      en: ["It was okay, nothing special.", "Fine, but there is room to improve."],
    },
    positive: {
      "zh-CN": ["整体很满意，下次还会再来。", "一直在这里买，很放心，推荐给朋友了。", "购物体验很好，谢谢！"],
      en: ["Very happy overall, will come back.", "Always a good experience, I recommend you to friends."],
    },
  },
};

/**
 * One comment on `topic` in `tone`, in the respondent's language.
 * @example drawComment(random, "queue", "negative", "zh-CN") // "结账排队太久了，高峰期只开两个收银台。"
 */
export function drawComment(random: Random, topic: CommentTopic, tone: CommentTone, language: CommentLanguage): string {
  return pick(random, BANK[topic][tone][language]);
}

/** Every phrase of a tone, for tests. */
export function commentsOfTone(tone: CommentTone): { language: CommentLanguage; text: string }[] {
  return Object.values(BANK).flatMap((tones) =>
    (Object.entries(tones[tone]) as [CommentLanguage, readonly string[]][]).flatMap(([language, texts]) => texts.map((text) => ({ language, text }))),
  );
}
