/**
 * Words that never make a theme: function words, pronouns, time words and the verbs every complaint uses
 * (觉得, 感觉, the, was…). Kexin's own lists, kept short; the TF-IDF weight takes care of what remains common.
 */

export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "的 地 得 了 着 过 是 在 有 和 与 及 或 而 并 且 也 都 还 又 就 才 再 只 仅 让 把 被 给 对 从 到 向 跟 比 为 为了 于 以 " +
    "我 你 您 他 她 它 我们 你们 他们 她们 咱们 大家 自己 别人 人家 人 " +
    "这 那 这个 那个 这些 那些 这里 那里 这儿 那儿 这样 那样 这么 那么 这种 那种 这次 那次 这家 那家 " +
    "哪 哪里 哪个 什么 怎么 怎样 怎么样 为什么 多少 几 几个 谁 " +
    "吗 呢 吧 啊 呀 哦 噢 嗯 哈 哈哈 啦 嘛 么 哎 唉 喔 哟 " +
    "一 一个 一些 一点 一下 一次 一直 一样 一起 一般般 两个 个 位 次 种 件 家 天 年 月 日 号 点 分 " +
    "今天 昨天 明天 前天 现在 刚才 刚刚 当时 时候 时 之前 之后 以后 以前 后来 然后 最后 马上 已经 曾经 " +
    "上次 下次 每次 这次 第一次 上 下 中 里 内 外 前 后 边 旁边 " +
    "可以 能 能够 会 要 想 应该 需要 可能 必须 得到 " +
    "觉得 感觉 认为 知道 发现 看到 看 听 说 讲 问 请问 告诉 表示 希望 建议 请 麻烦您 " +
    "去 来 做 弄 搞 用 买 拿 给 找 开 走 回 进 出 到了 " +
    "东西 事情 事 地方 情况 方面 问题 原因 结果 样子 " +
    "所以 因为 因此 如果 虽然 但 但是 可是 不过 然而 而且 并且 另外 此外 还有 以及 总之 反正 其实 确实 " +
    "实在 简直 完全 根本 终于 居然 竟然 突然 总是 经常 一直 还是 就是 只是 也是 不是 都是 " +
    "很 太 非常 特别 比较 有点 有些 挺 蛮 真 真的 更 最 好 多 少 大 小 " +
    "不 没 没有 无 未 别 " +
    "店 店里 门店 本店 贵店 你家 你们家 我家 顾客 客户 客人 先生 女士 小姐"
  ).split(/\s+/),
);

export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but if then so to of in on at for with from by about as into over after before than " +
    "is are was were be been being am do does did done have has had having will would shall should can could " +
    "may might must i me my mine we us our you your he him his she her it its they them their this that these " +
    "those there here what which who whom whose when where why how all any both each few more most other some such " +
    "no nor not only own same too very just also even still again ever once really quite much many lot lots " +
    "get got go went gone come came make made take took say said tell told ask asked know think thought feel felt " +
    "one two three first last time times day days today yesterday now then thing things way place store shop " +
    "customer customers people person someone everyone anyone they're it's i'm i've we're you're don't didn't " +
    "wasn't isn't can't won't like well back out up down off yes ok okay please overall"
  ).split(/\s+/),
);

/**
 * Single Chinese characters that say what a complaint is about (脏 dirty, 贵 expensive, 慢 slow…). Other single
 * characters are too vague to be a theme on their own.
 */
export const THEME_SINGLE_CHARACTERS: ReadonlySet<string> = new Set(["脏", "贵", "慢", "乱", "吵", "臭", "挤", "坑"]);
