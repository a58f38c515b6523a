/**
 * What each Kano category means for quality work, in every UI language. The names follow the Chinese quality
 * literature: 基本质量 (must-be), 期望/绩效质量 (one-dimensional), 兴奋/激励质量 (attractive).
 */
import type { KanoCategoryCode, KanoCategoryMeaning } from "@kexin/contracts";

export const KANO_MEANINGS: readonly KanoCategoryMeaning[] = [
  {
    category: "M",
    name: "basic",
    label: { "zh-CN": "基本质量", en: "Basic (must-be) quality", "zh-TW": "基本品質" },
    meaning: {
      "zh-CN": "顾客认为理所当然：做不到会强烈不满，做得再好也不会更满意。先确保稳定达标，不必过度投入。",
      en: "Taken for granted: missing it causes strong dissatisfaction, doing it better adds no satisfaction. Make sure it never fails; do not over-invest.",
      "zh-TW": "顧客視為理所當然：做不到會強烈不滿，做得再好也不會更滿意。先確保穩定達標，不必過度投入。",
    },
  },
  {
    category: "O",
    name: "performance",
    label: { "zh-CN": "期望（绩效）质量", en: "Performance (one-dimensional) quality", "zh-TW": "期望（績效）品質" },
    meaning: {
      "zh-CN": "做得越好越满意，做得越差越不满：满意度与表现成正比，是与竞争对手比拼的主战场。",
      en: "The better it is, the more satisfied customers are, and the reverse: satisfaction follows performance. This is where you compete.",
      "zh-TW": "做得越好越滿意，做得越差越不滿：滿意度與表現成正比，是與競爭對手比拼的主戰場。",
    },
  },
  {
    category: "A",
    name: "excitement",
    label: { "zh-CN": "兴奋（激励）质量", en: "Excitement (attractive) quality", "zh-TW": "興奮（激勵）品質" },
    meaning: {
      "zh-CN": "顾客没有预期：提供了会带来惊喜和口碑，没有也不会不满。适合用来形成差异化。",
      en: "Not expected: offering it delights and gets talked about, lacking it disappoints no one. A way to stand out.",
      "zh-TW": "顧客沒有預期：提供了會帶來驚喜和口碑，沒有也不會不滿。適合用來形成差異化。",
    },
  },
  {
    category: "I",
    name: "indifferent",
    label: { "zh-CN": "无差异质量", en: "Indifferent", "zh-TW": "無差異品質" },
    meaning: {
      "zh-CN": "有没有都不影响满意度，可以不投入或节省成本。",
      en: "Makes no difference to satisfaction either way; a candidate for saving cost.",
      "zh-TW": "有沒有都不影響滿意度，可以不投入或節省成本。",
    },
  },
  {
    category: "R",
    name: "reverse",
    label: { "zh-CN": "反向质量", en: "Reverse", "zh-TW": "反向品質" },
    meaning: {
      "zh-CN": "提供了反而引起不满，应考虑取消或让顾客自行选择。",
      en: "Offering it dissatisfies; consider removing it or making it optional.",
      "zh-TW": "提供了反而引起不滿，應考慮取消或讓顧客自行選擇。",
    },
  },
  {
    category: "Q",
    name: "questionable",
    label: { "zh-CN": "可疑结果", en: "Questionable", "zh-TW": "可疑結果" },
    meaning: {
      "zh-CN": "回答自相矛盾，通常说明问题表述不清，应检查题目。",
      en: "Contradictory answers, usually a sign the question was unclear; check its wording.",
      "zh-TW": "回答自相矛盾，通常說明問題表述不清，應檢查題目。",
    },
  },
];

export const kanoMeaning = (category: KanoCategoryCode) => KANO_MEANINGS.find((m) => m.category === category)!;
