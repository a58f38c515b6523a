/**
 * The ready templates every organisation starts with, written for Kexin (zh-CN and en). They use only the merge
 * fields of merge-fields.ts, and every optional field sits inside an `if`, so a customer with no purchase, no store
 * or no points still gets a letter that reads well.
 */
import type { GreetingLanguage, TemplatePurpose } from "@kexin/contracts";

export interface BuiltinTemplate {
  key: TemplatePurpose;
  language: GreetingLanguage;
  name: string;
  subject: string;
  body: string;
}

const SIGN_ZH = `{% if store %}{{ store.name }} · {% endif %}{{ org.name }}
{{ today }}`;
const SIGN_EN = `Warm regards,
{% if store %}The team at {{ store.name }}, {% endif %}{{ org.name }}`;

export const BUILTIN_TEMPLATES: BuiltinTemplate[] = [
  {
    key: "thank_you",
    language: "zh-CN",
    name: "感谢信",
    subject: "{{ customer.salutation }}，谢谢您一直以来的信任",
    body: `尊敬的{{ customer.salutation }}：

您好！{% if last_purchase %}{{ last_purchase.date }}您{% if last_purchase.store %}在{{ last_purchase.store }}{% endif %}的惠顾，我们一直记在心里。{% endif %}每一位愿意再次走进门店的客人，都是对我们最好的肯定。

{% if hints.preferences %}我们记得您偏爱{{ hints.preferences }}，新货到店时会第一时间告诉您。{% endif %}如果有任何做得不够好的地方，请直接回复这封信，店长会亲自跟进。

再次感谢，祝您生活顺意！

${SIGN_ZH}`,
  },
  {
    key: "thank_you",
    language: "en",
    name: "Thank-you letter",
    subject: "Thank you, {{ customer.salutation }}",
    body: `Dear {{ customer.salutation }},

{% if last_purchase %}We wanted to say thank you for your visit on {{ last_purchase.date }}{% if last_purchase.store %} to {{ last_purchase.store }}{% endif %}. {% endif %}Customers who come back to us are the best sign that we are getting things right, and we do not take that for granted.

{% if hints.preferences %}We have noted that you enjoy {{ hints.preferences }} and will let you know when something new arrives. {% endif %}If anything was less than it should have been, simply reply to this letter and our store manager will look into it personally.

${SIGN_EN}`,
  },
  {
    key: "spring_festival",
    language: "zh-CN",
    name: "春节问候",
    subject: "{{ customer.salutation }}，新春快乐，万事顺遂",
    body: `尊敬的{{ customer.salutation }}：

爆竹声里辞旧岁，{{ occasion.year }}年的春节到了。感谢您在过去一年里对我们的陪伴与支持{% if customer.tier_key == "vip" or customer.tier_key == "important" %}，作为我们的{{ customer.tier }}，您的每一条建议我们都认真对待{% endif %}。

新的一年，愿您和家人身体健康、阖家团圆、诸事顺心。{% if customer.points %}您目前有 {{ customer.points }} 积分，节后到店可兑换新春礼品。{% endif %}

给您拜年了！

${SIGN_ZH}`,
  },
  {
    key: "spring_festival",
    language: "en",
    name: "Spring Festival greeting",
    subject: "Happy Spring Festival, {{ customer.salutation }}",
    body: `Dear {{ customer.salutation }},

As the new lunar year begins on {{ occasion.date }}, all of us want to thank you for being with us through the past twelve months{% if customer.tier_key == "vip" or customer.tier_key == "important" %} — as one of our {{ customer.tier }} customers, your advice has shaped much of what we do{% endif %}.

May the new year bring you and your family good health, a full table and plenty of reasons to smile.{% if customer.points %} You have {{ customer.points }} points waiting; drop by after the holiday to swap them for a New Year gift.{% endif %}

${SIGN_EN}`,
  },
  {
    key: "mid_autumn",
    language: "zh-CN",
    name: "中秋问候",
    subject: "月圆人团圆，{{ customer.salutation }}中秋快乐",
    body: `尊敬的{{ customer.salutation }}：

又是一年中秋，月亮最圆的这一晚，最适合和家人坐在一起，喝杯茶，聊聊天。

谢谢您这段时间对{% if store %}{{ store.name }}{% else %}我们{% endif %}的照顾。{% if hints.note %}也记得您说过的：{{ hints.note }}。{% endif %}愿您今晚赏月愉快，家人安康。

${SIGN_ZH}`,
  },
  {
    key: "mid_autumn",
    language: "en",
    name: "Mid-Autumn greeting",
    subject: "A bright Mid-Autumn Festival to you, {{ customer.salutation }}",
    body: `Dear {{ customer.salutation }},

The Mid-Autumn moon is the fullest of the year, and it is traditionally a night for family, tea and long conversations.

Thank you for your custom{% if store %} at {{ store.name }}{% endif %} this year. We hope you enjoy the evening with the people who matter most to you.

${SIGN_EN}`,
  },
  {
    key: "dragon_boat",
    language: "zh-CN",
    name: "端午问候",
    subject: "端午安康，{{ customer.salutation }}",
    body: `尊敬的{{ customer.salutation }}：

粽叶飘香，又到端午。天气渐热，请多注意休息、补充水分。

祝您端午安康，一切顺利！

${SIGN_ZH}`,
  },
  {
    key: "dragon_boat",
    language: "en",
    name: "Dragon Boat Festival greeting",
    subject: "Wishing you a healthy Dragon Boat Festival",
    body: `Dear {{ customer.salutation }},

Rice dumplings are steaming and the boats are out on the water: the Dragon Boat Festival is here. Summer is warming up, so take care and keep cool.

${SIGN_EN}`,
  },
  {
    key: "national_day",
    language: "zh-CN",
    name: "国庆问候",
    subject: "国庆假期愉快，{{ customer.salutation }}",
    body: `尊敬的{{ customer.salutation }}：

国庆长假就要开始了，无论您是出门远行还是在家休整，都祝您假期轻松愉快。

假期期间{% if store %}{{ store.name }}{% else %}门店{% endif %}照常营业，如需帮助随时联系我们。出行请注意安全！

${SIGN_ZH}`,
  },
  {
    key: "national_day",
    language: "en",
    name: "National Day greeting",
    subject: "Enjoy the National Day holiday, {{ customer.salutation }}",
    body: `Dear {{ customer.salutation }},

The National Day Golden Week is almost here. Whether you are travelling or taking it easy at home, we hope it is a restful one.

{% if store %}{{ store.name }} stays open{% else %}Our stores stay open{% endif %} through the holiday if you need anything. Safe travels!

${SIGN_EN}`,
  },
  {
    key: "birthday",
    language: "zh-CN",
    name: "生日祝福",
    subject: "{{ customer.salutation }}，生日快乐！",
    body: `亲爱的{{ customer.salutation }}：

今天是属于您的日子，我们全体同事祝您生日快乐！

愿新的一岁健康、自在，想做的事都能如愿。{% if customer.points %}您的账户里有 {{ customer.points }} 积分，本月到店还可领取一份生日小礼。{% else %}本月到店还可领取一份生日小礼。{% endif %}

${SIGN_ZH}`,
  },
  {
    key: "birthday",
    language: "en",
    name: "Birthday wishes",
    subject: "Happy birthday, {{ customer.salutation }}!",
    body: `Dear {{ customer.salutation }},

Today is your day, and everyone here wishes you a very happy birthday!

May the year ahead be healthy, easy-going and full of good surprises. {% if customer.points %}You have {{ customer.points }} points, and a{% else %}A{% endif %} small birthday gift is waiting for you at the counter this month.

${SIGN_EN}`,
  },
  {
    key: "new_product",
    language: "zh-CN",
    name: "新品推荐",
    subject: "{{ customer.salutation }}，新品到店，先请您看看",
    body: `尊敬的{{ customer.salutation }}：

本季新品已经陆续到店。{% if hints.preferences %}知道您喜欢{{ hints.preferences }}，这次特意为您留意了相近的款式。{% endif %}

作为{{ customer.tier }}，您可以在正式上架前预约试用。欢迎{% if store %}到{{ store.name }}{% else %}到店{% endif %}看看，或直接回复这封信预约时间。

${SIGN_ZH}`,
  },
  {
    key: "new_product",
    language: "en",
    name: "New arrivals",
    subject: "Something new for you, {{ customer.salutation }}",
    body: `Dear {{ customer.salutation }},

This season's new range has started to arrive.{% if hints.preferences %} Knowing you like {{ hints.preferences }}, we kept an eye out for pieces you might enjoy.{% endif %}

You are welcome to try them before they go on the shelves: visit {% if store %}{{ store.name }}{% else %}any of our stores{% endif %}, or reply to this letter to book a time.

${SIGN_EN}`,
  },
  {
    key: "after_purchase",
    language: "zh-CN",
    name: "购后回访",
    subject: "{{ customer.salutation }}，最近用得还顺手吗？",
    body: `尊敬的{{ customer.salutation }}：

{% if last_purchase %}您在{{ last_purchase.date }}{% if last_purchase.store %}于{{ last_purchase.store }}{% endif %}购买的商品{% if last_purchase.amount %}（{{ last_purchase.amount }}）{% endif %}已经用了一段时间，{% else %}感谢您最近的惠顾，{% endif %}想跟您确认一下：使用过程中是否一切正常？有没有需要我们帮忙调整或讲解的地方？

如有任何问题，回复这封信即可，我们会在一个工作日内联系您。

${SIGN_ZH}`,
  },
  {
    key: "after_purchase",
    language: "en",
    name: "After-purchase follow-up",
    subject: "How is everything working out, {{ customer.salutation }}?",
    body: `Dear {{ customer.salutation }},

{% if last_purchase %}It has been a little while since your purchase on {{ last_purchase.date }}{% if last_purchase.store %} at {{ last_purchase.store }}{% endif %}{% if last_purchase.amount %} ({{ last_purchase.amount }}){% endif %}, and we wanted to check in.{% else %}Thank you for your recent purchase; we wanted to check in.{% endif %} Is everything working as it should? Is there anything we could adjust or explain?

Just reply to this letter and we will get back to you within one working day.

${SIGN_EN}`,
  },
  {
    key: "win_back",
    language: "zh-CN",
    name: "老客户回访",
    subject: "{{ customer.salutation }}，好久不见，我们想念您",
    body: `尊敬的{{ customer.salutation }}：

{% if last_purchase %}上次见到您还是{{ last_purchase.date }}，{% endif %}好久没有您的消息了，不知近来可好？

如果是我们哪里做得不好，让您失望了，真诚地希望您告诉我们——回复这封信就行，店长会亲自处理。{% if customer.points %}您的 {{ customer.points }} 积分一直为您保留着。{% endif %}

期待再次见到您。

${SIGN_ZH}`,
  },
  {
    key: "win_back",
    language: "en",
    name: "We miss you",
    subject: "It has been a while, {{ customer.salutation }}",
    body: `Dear {{ customer.salutation }},

{% if last_purchase %}The last time we saw you was {{ last_purchase.date }}, and w{% else %}W{% endif %}e have been wondering how you are.

If we let you down somewhere, we would honestly like to know: reply to this letter and our store manager will take care of it personally.{% if customer.points %} Your {{ customer.points }} points are still here for you.{% endif %}

We hope to see you again soon.

${SIGN_EN}`,
  },
  {
    key: "tier_upgrade",
    language: "zh-CN",
    name: "会员升级通知",
    subject: "{{ customer.salutation }}，恭喜您成为{{ customer.tier }}",
    body: `尊敬的{{ customer.salutation }}：

感谢您长期以来的支持！从今天起，您已成为我们的{{ customer.tier }}。

您将享有优先服务与专属顾问的照顾，有任何需要都可以直接联系{% if store %}{{ store.name }}{% else %}我们{% endif %}。

${SIGN_ZH}`,
  },
  {
    key: "tier_upgrade",
    language: "en",
    name: "Welcome to your new tier",
    subject: "Congratulations, {{ customer.salutation }}: you are now {{ customer.tier }}",
    body: `Dear {{ customer.salutation }},

Thank you for your loyalty. From today you are one of our {{ customer.tier }} customers.

That means priority service and a dedicated adviser; contact {% if store %}{{ store.name }}{% else %}us{% endif %} whenever you need anything.

${SIGN_EN}`,
  },
];
