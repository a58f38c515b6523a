/**
 * Text analysis for open answers and feedback: segmentation (jieba for Chinese, words for English), keyword themes
 * and a sentiment score. Owned by the feedback inbox; survey reports use `extractThemes` for open-text questions.
 * jieba loads on first use, not at import.
 */
export { extractThemes, themeTerms, type Theme } from "./extract-themes.ts";
export { sentimentScore } from "./sentiment-score.ts";
export { detectLanguage, tokenize, type Token } from "./tokenize.ts";
