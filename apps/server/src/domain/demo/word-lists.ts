/**
 * Word lists the demo data is drawn from. Surname weights follow the share of each surname in China's 2020 census
 * (per mille, rounded), so 王, 李 and 张 are as common here as on a real customer list.
 */

/** [surname, pinyin (for e-mail handles), weight]. */
export const CHINESE_SURNAMES: readonly (readonly [string, string, number])[] = [
  ["王", "wang", 71], ["李", "li", 70], ["张", "zhang", 67], ["刘", "liu", 54], ["陈", "chen", 45], ["杨", "yang", 31],
  ["黄", "huang", 22], ["赵", "zhao", 20], ["吴", "wu", 19], ["周", "zhou", 19], ["徐", "xu", 15], ["孙", "sun", 14],
  ["马", "ma", 13], ["朱", "zhu", 12], ["胡", "hu", 11], ["郭", "guo", 11], ["何", "he", 10], ["林", "lin", 10],
  ["高", "gao", 10], ["罗", "luo", 9], ["郑", "zheng", 8], ["梁", "liang", 7], ["谢", "xie", 6], ["宋", "song", 6],
  ["唐", "tang", 6], ["许", "xu", 6], ["韩", "han", 6], ["冯", "feng", 5], ["邓", "deng", 5], ["曹", "cao", 5],
  ["彭", "peng", 5], ["曾", "zeng", 5], ["肖", "xiao", 5], ["田", "tian", 4], ["董", "dong", 4], ["袁", "yuan", 4],
  ["潘", "pan", 4], ["于", "yu", 4], ["蒋", "jiang", 4], ["蔡", "cai", 4], ["余", "yu", 4], ["杜", "du", 4],
  ["叶", "ye", 4], ["程", "cheng", 3], ["苏", "su", 3], ["魏", "wei", 3], ["吕", "lv", 3], ["丁", "ding", 3],
  ["任", "ren", 3], ["沈", "shen", 3], ["姚", "yao", 3], ["卢", "lu", 3], ["姜", "jiang", 3], ["崔", "cui", 3],
  ["钟", "zhong", 3], ["谭", "tan", 3], ["陆", "lu", 3], ["汪", "wang", 3], ["范", "fan", 2], ["金", "jin", 2],
  ["石", "shi", 2], ["廖", "liao", 2], ["贾", "jia", 2], ["夏", "xia", 2], ["韦", "wei", 2], ["付", "fu", 2],
  ["方", "fang", 2], ["白", "bai", 2], ["邹", "zou", 2], ["孟", "meng", 2], ["熊", "xiong", 2], ["秦", "qin", 2],
  ["邱", "qiu", 2], ["江", "jiang", 2], ["尹", "yin", 2], ["薛", "xue", 2], ["闫", "yan", 2], ["段", "duan", 2],
  ["雷", "lei", 2], ["侯", "hou", 2], ["龙", "long", 2], ["史", "shi", 2], ["陶", "tao", 2], ["黎", "li", 2],
  ["贺", "he", 2], ["顾", "gu", 2], ["毛", "mao", 2], ["郝", "hao", 2], ["龚", "gong", 2], ["邵", "shao", 2],
  ["万", "wan", 2], ["钱", "qian", 2], ["严", "yan", 1], ["欧阳", "ouyang", 0.5], ["上官", "shangguan", 0.1], ["诸葛", "zhuge", 0.1],
];

export const FEMALE_GIVEN_NAMES = [
  "芳", "娜", "敏", "静", "丽", "婷", "雪", "琳", "颖", "欣", "怡", "慧", "晶", "燕", "倩", "雯", "洁", "萍", "玲", "霞",
  "丹", "悦", "梓涵", "诗涵", "欣怡", "子涵", "雨桐", "可馨", "思琪", "梦瑶", "婉清", "晓雯", "嘉怡", "佳怡", "雨欣",
  "美玲", "秀英", "桂英", "淑芬", "丽娟", "海燕", "晓燕", "文静", "雅婷", "心怡", "若曦", "一诺", "语嫣", "紫萱", "晨曦",
];

export const MALE_GIVEN_NAMES = [
  "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "斌", "鹏", "辉", "浩", "宇", "俊", "凯", "峰", "鑫", "刚",
  "子轩", "浩然", "宇轩", "俊杰", "博文", "梓豪", "天佑", "文博", "志强", "建华", "国庆", "建军", "海涛", "晓东", "家豪",
  "建国", "志明", "永刚", "宏伟", "明辉", "思远", "一鸣", "嘉懿", "皓轩", "子墨", "振华", "国栋", "立新", "云飞", "承泽",
];

export const ENGLISH_FEMALE_NAMES = [
  "Emma", "Olivia", "Sophia", "Emily", "Grace", "Chloe", "Lily", "Hannah", "Sarah", "Amy", "Jessica", "Rachel", "Laura", "Claire",
];
export const ENGLISH_MALE_NAMES = [
  "James", "Oliver", "William", "Daniel", "Michael", "David", "Thomas", "Lucas", "Henry", "Jack", "Ryan", "Kevin", "Mark", "Peter",
];
export const ENGLISH_SURNAMES = [
  "Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Anderson", "Thomas", "Martin", "Clark", "Lewis",
  "Walker", "Hall", "Young", "King", "Wright", "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts",
];

export const EMAIL_DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "gmail.com", "outlook.com"];

/** Cities a store's customers live in, with weights: most live in the store's city. */
export const CITIES_BY_STORE_CITY: Record<string, readonly (readonly [string, number])[]> = {
  上海: [["上海", 80], ["苏州", 7], ["杭州", 6], ["南京", 4], ["无锡", 3]],
  北京: [["北京", 82], ["天津", 8], ["廊坊", 5], ["石家庄", 5]],
};
export const OTHER_CITIES: readonly (readonly [string, number])[] = [
  ["广州", 20], ["深圳", 20], ["成都", 15], ["武汉", 12], ["西安", 10], ["重庆", 10], ["厦门", 8], ["青岛", 5],
];

export const COMPANY_NAME_PARTS = {
  brand: ["明远", "华诚", "恒信", "嘉禾", "鼎盛", "中和", "瑞丰", "新航", "博雅", "汇通", "云启", "德润", "星辰", "宏达", "锦程"],
  trade: ["贸易", "科技", "餐饮管理", "文化传媒", "酒店管理", "物业服务", "电子商务", "教育咨询", "会展服务", "健康管理"],
};

export const PERSONAL_NOTES = [
  "喜欢靠窗座位，周末来店",
  "对花生过敏，推荐食品时注意",
  "女儿在读高中，开学季常买文具礼盒",
  "说话轻声，不喜欢被推销，让她自己慢慢挑",
  "每年母亲节给妈妈买礼盒，提前一周提醒",
  "老客户，十年前开业时就来了，记得问候他父亲",
  "喜欢新品，上新时第一时间微信告诉她",
  "工作日午休时间来店，时间紧，结账要快",
  "左撇子，试用产品时注意摆放",
  "喜欢喝不加糖的乌龙茶，来店时可以准备一杯",
  "对价格敏感，但很看重售后，回访要及时",
  "退休教师，喜欢聊书法，送过店里一幅字",
  "孩子对芒果过敏",
  "每次都用支付宝付款，不要办卡",
  "怀孕中，预产期在秋天，可推荐母婴礼盒",
  "喜欢安静，尽量安排在人少的时段服务",
];

export const PREFERENCES = [
  "偏好绿茶、少糖", "喜欢手冲咖啡豆，中度烘焙", "偏爱真丝和棉麻面料", "常买坚果礼盒", "喜欢香薰蜡烛（木质调）",
  "偏好环保包装", "喜欢国潮设计", "只在打折季购买", "喜欢限量款", "偏好线上下单、门店自提",
];

export const NEEDS = [
  "春节需要批量员工福利礼盒", "想了解会员积分兑换规则", "希望增加送货上门服务", "需要开具增值税专用发票",
  "希望周末延长营业时间", "想要定制企业logo礼盒", "需要无障碍通道",
];

export const PRODUCTS: readonly (readonly [string, string, number])[] = [
  ["TEA-001", "有机绿茶礼盒", 168], ["TEA-002", "大红袍茶叶罐", 298], ["COF-001", "手冲咖啡豆 250g", 88],
  ["COF-002", "挂耳咖啡 20 包", 69], ["HOM-001", "香薰蜡烛", 128], ["HOM-002", "真丝枕套", 399], ["HOM-003", "保温杯", 139],
  ["FOD-001", "坚果礼盒", 158], ["FOD-002", "手工月饼礼盒", 238], ["FOD-003", "桂花糕", 38], ["ACC-001", "真丝围巾", 459],
  ["ACC-002", "帆布托特包", 99], ["STA-001", "文具礼盒", 76], ["GFT-001", "新春福袋", 188], ["GFT-002", "企业定制礼盒", 680],
];

export const INTERACTION_TEMPLATES: Record<string, readonly string[]> = {
  call: ["电话回访：询问对上次购买的满意度", "电话通知新品到店", "电话确认团购订单数量", "生日电话问候", "电话处理退换货咨询"],
  visit: ["到店试用新品", "到店取货并咨询保养方法", "陪家人到店挑选礼物", "上门拜访，洽谈年度采购"],
  wechat: ["微信咨询会员积分", "微信发送新品图片", "微信预约周末到店", "微信询问发货进度", "微信发来好评截图"],
  email: ["邮件发送报价单", "邮件确认发票信息", "邮件发送节日问候"],
  sms: ["短信通知订单已发货", "短信提醒会员积分即将到期"],
  note: ["备注：客户反映包装破损，已补发", "备注：推荐了桂花糕，客户很喜欢", "备注：客户希望下次有更多尺码", "备注：已登记生日礼遇"],
};
