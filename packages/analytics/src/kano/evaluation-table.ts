/**
 * Kano categories: A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable.
 */
export type KanoCategory = "A" | "O" | "M" | "I" | "R" | "Q";

/** Every category, in the tie-breaking order used by classifyKanoFeature (M > O > A > I > R > Q). */
export const KANO_CATEGORIES: readonly KanoCategory[] = ["M", "O", "A", "I", "R", "Q"];

/**
 * Plain names of the categories: an English identifier and the Chinese label used in reports (data strings only).
 */
export const KANO_CATEGORY_NAMES: Readonly<Record<KanoCategory, { name: string; label: string }>> = {
  M: { name: "basic", label: "基本" },
  O: { name: "performance", label: "绩效" },
  A: { name: "excitement", label: "激励" },
  I: { name: "indifferent", label: "无差异" },
  R: { name: "reverse", label: "反向" },
  Q: { name: "questionable", label: "可疑" },
};

/** Answer codes: 1 I like it, 2 it must be that way, 3 I am neutral, 4 I can live with it, 5 I dislike it. */
export type KanoAnswer = 1 | 2 | 3 | 4 | 5;

// Rows: functional answer 1–5; columns: dysfunctional answer 1–5.
const TABLE: readonly (readonly KanoCategory[])[] = [
  ["Q", "A", "A", "A", "O"],
  ["R", "I", "I", "I", "M"],
  ["R", "I", "I", "I", "M"],
  ["R", "I", "I", "I", "M"],
  ["R", "R", "R", "R", "Q"],
];

/**
 * Kano evaluation table: the category of one respondent's answer pair (functional question "if the product has
 * this feature…", dysfunctional question "if it does not…").
 * Reference: Berger et al. (1993), "Kano's methods for understanding customer-defined quality",
 * Center for Quality Management Journal 2(4), Table 1. Cost: O(1).
 * @throws RangeError when either answer is not a whole number 1–5.
 * @example classifyKanoAnswer(1, 5) // "O" (like it present, dislike it absent)
 */
export function classifyKanoAnswer(functional: number, dysfunctional: number): KanoCategory {
  for (const [question, answer] of [["functional", functional], ["dysfunctional", dysfunctional]] as const) {
    if (!Number.isInteger(answer) || answer < 1 || answer > 5) {
      throw new RangeError(`the ${question} Kano answer must be a whole number from 1 to 5, got ${answer}`);
    }
  }
  return TABLE[functional - 1][dysfunctional - 1];
}
