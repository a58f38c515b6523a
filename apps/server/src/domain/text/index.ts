/**
 * Text analysis for open answers and feedback: segmentation (jieba for Chinese, words for English), keyword themes
 * and a sentiment score. Owned by the feedback inbox; survey reports use `extractThemes` for open-text questions.
 */
export interface Theme {
  term: string;
  /** How many of the texts mention the term. */
  count: number;
  /** TF-IDF weight summed over the texts. */
  weight: number;
}

/** The most telling terms of a set of texts, most frequent first. */
export function extractThemes(texts: readonly string[], limit = 20): Theme[] {
  void texts;
  void limit;
  throw new Error("extractThemes: not built yet (the feedback inbox work adds it)");
}

/** Sentiment from −1 (very negative) to +1 (very positive); 0 when nothing tells. */
export function sentimentScore(text: string): number {
  void text;
  throw new Error("sentimentScore: not built yet (the feedback inbox work adds it)");
}
