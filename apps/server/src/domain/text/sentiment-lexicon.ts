/**
 * Kexin's own small sentiment lexicon for service feedback, in Chinese and English: words people use when they
 * praise or complain about a shop, a hotel or a service desk. Values run from about −1.5 (strongly negative) to
 * 1.5; 1 is a plain "good" or "bad". Negators and intensifiers change the next sentiment word in the same clause.
 * Written for Kexin (not taken from a published lexicon); extend it with words from real feedback.
 */

const CHINESE_NEGATIVE: Record<string, number> = {
  差: -1, 差劲: -1.2, 态度差: -1.2, 质量差: -1.2, 服务差: -1.2, 效率低: -1,
  恶劣: -1.3, 态度恶劣: -1.5, 不耐烦: -1, 敷衍: -1, 冷漠: -1, 冷淡: -0.8, 傲慢: -1.1, 粗鲁: -1.2, 无礼: -1.1,
  没礼貌: -1.1, 凶: -0.9, 骂人: -1.5, 爱答不理: -1.2, 不理人: -1, 没人理: -1, 没有人理: -1, 没人管: -1,
  推诿: -1.1, 踢皮球: -1.1, 不专业: -1, 不负责: -1.1, 不负责任: -1.2, 不靠谱: -1, 失误: -0.8, 出错: -0.8,
  弄错: -0.9, 搞错: -0.9, 错: -0.6,
  排队: -0.8, 排长队: -1, 人太多: -0.8, 太挤: -0.9, 等太久: -1.1, 太久: -1, 慢: -0.8, 拖拉: -0.9, 拖延: -0.9, 耽误: -0.8, 迟到: -0.8,
  延误: -0.9, 超时: -0.8,
  脏: -1, 脏乱: -1.2, 脏乱差: -1.5, 不卫生: -1.2, 乱: -0.7, 吵: -0.7, 吵闹: -0.8, 嘈杂: -0.8, 臭: -1,
  异味: -0.9, 发霉: -1.2, 过期: -1.2, 变质: -1.3, 破损: -0.9, 损坏: -0.9, 故障: -0.9, 坏了: -0.8,
  假货: -1.5, 拥挤: -0.7, 挤: -0.6, 缺货: -0.7, 断货: -0.7, 难找: -0.5, 找不到: -0.5, 太小: -0.6,
  贵: -0.8, 昂贵: -0.7, 不值: -1, 坑: -1, 坑人: -1.3, 宰客: -1.5, 乱收费: -1.4, 多收: -1.1,
  欺骗: -1.5, 骗: -1.2, 虚假: -1.2, 上当: -1.2,
  失望: -1.2, 不满: -1.1, 生气: -1.1, 气愤: -1.3, 愤怒: -1.4, 糟糕: -1.2, 糟: -1, 烂: -1.1, 垃圾: -1.3,
  恶心: -1.3, 难吃: -1.1, 难喝: -1, 难用: -1, 难受: -0.8, 不舒服: -0.9, 麻烦: -0.6, 投诉: -1, 差评: -1.3,
  后悔: -1, 不行: -0.8, 一般: -0.4, 一般般: -0.4, 凑合: -0.3, 问题: -0.3, 退款: -0.4,
  不会再来: -1.2, 再也不来: -1.3, 再也不会来: -1.3,
};

const CHINESE_POSITIVE: Record<string, number> = {
  满意: 1, 好: 0.8, 不错: 0.9, 棒: 1.2, 赞: 1.1, 点赞: 1.1, 优秀: 1.2, 完美: 1.4,
  热情: 1, 周到: 1, 耐心: 1, 细心: 0.9, 贴心: 1.1, 友好: 1, 友善: 1, 礼貌: 0.9, 亲切: 1, 专业: 0.9,
  高效: 1, 及时: 0.8, 迅速: 0.9, 快: 0.6, 快捷: 0.9, 准时: 0.8, 到位: 0.8, 给力: 1, 顺利: 0.7, 解决: 0.5,
  干净: 1, 整洁: 1, 舒适: 1, 舒服: 0.9, 安静: 0.6, 宽敞: 0.7, 温馨: 1, 漂亮: 0.8, 方便: 0.8, 齐全: 0.7,
  便宜: 0.6, 实惠: 0.9, 划算: 0.9, 物美价廉: 1.2, 新鲜: 0.9, 好吃: 1, 好看: 0.8, 美味: 1.1, 好喝: 1, 好用: 0.9,
  喜欢: 1, 开心: 1, 感谢: 0.9, 谢谢: 0.7, 感动: 1.1, 惊喜: 1.1, 推荐: 0.8, 值得: 0.8, 放心: 0.9, 靠谱: 0.9,
  五星: 1.2, 好评: 1.2, 表扬: 1.2, 称赞: 1.1, 感激: 1.1,
  还会再来: 1, 下次还来: 1, 会再来: 0.9,
};

const ENGLISH_NEGATIVE: Record<string, number> = {
  rude: -1.2, impolite: -1.1, unfriendly: -1.1, unhelpful: -1.1, unprofessional: -1.1, incompetent: -1.3,
  careless: -0.9, ignored: -1, arrogant: -1.1,
  slow: -0.8, late: -0.6, delay: -0.8, delayed: -0.8, waited: -0.4, queue: -0.4, queues: -0.4,
  "long wait": -1, "long queue": -1, "long line": -0.9, "long lines": -0.9,
  dirty: -1, filthy: -1.4, smelly: -1, noisy: -0.7, crowded: -0.6, messy: -0.9, mess: -0.9, stale: -1,
  expired: -1.2, broken: -0.9, damaged: -0.9, wrong: -0.7, mistake: -0.7, problem: -0.4, problems: -0.4,
  expensive: -0.8, overpriced: -1.1, pricey: -0.6, scam: -1.5, "rip off": -1.3, "waste of": -1,
  terrible: -1.5, awful: -1.5, horrible: -1.5, bad: -1, poor: -1, worst: -1.8, disappointed: -1.2,
  disappointing: -1.2, angry: -1.2, annoyed: -1, frustrating: -1.1, frustrated: -1.1, unacceptable: -1.4,
  complaint: -0.9, complain: -0.9, refund: -0.4, useless: -1.2, hate: -1.4, sucks: -1.3,
  "never again": -1.3,
};

const ENGLISH_POSITIVE: Record<string, number> = {
  friendly: 1, polite: 0.9, kind: 0.9, patient: 0.9, helpful: 1, professional: 0.8, attentive: 1,
  courteous: 1, welcoming: 1,
  fast: 0.6, quick: 0.7, efficient: 0.9, smooth: 0.6, convenient: 0.8,
  clean: 1, tidy: 0.9, comfortable: 0.9, cozy: 0.8, fresh: 0.8, delicious: 1.1, tasty: 1,
  cheap: 0.4, affordable: 0.8,
  great: 1.2, good: 0.8, excellent: 1.4, amazing: 1.4, awesome: 1.3, fantastic: 1.4, wonderful: 1.3,
  perfect: 1.3, nice: 0.8, best: 1.3, love: 1.2, loved: 1.2, enjoy: 0.9, enjoyed: 0.9, happy: 1,
  satisfied: 1, pleased: 1, thanks: 0.6, thank: 0.6, recommend: 0.9, "come back": 0.6,
};

const EMOJI: Record<string, number> = {
  "👍": 1, "😊": 1, "😀": 1, "😄": 1, "❤": 1, "🥰": 1.1, "👏": 1, "🌟": 0.8,
  "👎": -1, "😡": -1.5, "😠": -1.3, "😞": -1, "😢": -0.9, "😤": -1.1, "💩": -1.3, "🤮": -1.4,
};

/** Word or phrase → sentiment value. English phrases are two words joined by one space. */
export const SENTIMENT_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({ ...CHINESE_NEGATIVE, ...CHINESE_POSITIVE, ...ENGLISH_NEGATIVE, ...ENGLISH_POSITIVE, ...EMOJI }),
);

/** Words that turn the next sentiment word around: 不满意, not friendly. */
export const NEGATORS: ReadonlySet<string> = new Set([
  "不", "没", "没有", "无", "未", "别", "不是", "并不", "并没有", "从不", "从没", "从来不", "毫无", "绝不", "不够", "不怎么",
  "not", "no", "never", "nothing", "nobody", "none", "hardly", "without", "isn't", "wasn't", "aren't", "weren't",
  "don't", "doesn't", "didn't", "won't", "can't", "cannot", "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't",
]);

/** Words that strengthen (above 1) or soften (below 1) the next sentiment word: 很热情, a bit slow. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    很: 1.5, 非常: 1.8, 太: 1.6, 特别: 1.7, 十分: 1.7, 极: 2, 极其: 2, 超: 1.6, 超级: 1.8, 挺: 1.3, 真: 1.4,
    真的: 1.4, 最: 1.8, 更: 1.3, 比较: 1.1, 相当: 1.6, 尤其: 1.5, 实在: 1.6, 巨: 1.8, 贼: 1.6, 蛮: 1.3,
    特: 1.5, 好: 1.4, 有点: 0.7, 有点儿: 0.7, 有些: 0.7, 稍微: 0.6, 略: 0.6, 略微: 0.6,
    very: 1.5, really: 1.4, so: 1.4, extremely: 2, super: 1.6, too: 1.5, incredibly: 1.9, totally: 1.6,
    absolutely: 1.8, quite: 1.2, pretty: 1.2, most: 1.5, slightly: 0.5, somewhat: 0.6, rather: 1.1,
  }),
);

/** Words that make what follows count more than what came before in the sentence: 但是, but. */
export const CONTRASTS: ReadonlySet<string> = new Set(["但", "但是", "可是", "不过", "然而", "却", "but", "however", "yet"]);

/** The multi-character Chinese entries, which jieba must see as one word to find them. */
export const CHINESE_LEXICON_PHRASES: readonly string[] = [
  ...Object.keys(CHINESE_NEGATIVE),
  ...Object.keys(CHINESE_POSITIVE),
  ...[...NEGATORS, ...INTENSIFIERS.keys()].filter((word) => /^\p{Script=Han}+$/u.test(word)),
].filter((word) => word.length > 1);
