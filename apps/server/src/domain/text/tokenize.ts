/**
 * Splits mixed Chinese and English text into words and the punctuation between them. Chinese runs go through jieba;
 * English words are lower-cased, with contractions kept (don't, wasn't); full-width letters, digits and punctuation
 * are folded to their ASCII forms first (NFKC), as Chinese keyboards often type them.
 */
import { cutChinese } from "./jieba.ts";

export type TokenKind =
  /** A Chinese word from jieba. */
  | "zh"
  /** An English (Latin-script) word, lower-cased. */
  | "en"
  /** An emoji or pictograph. */
  | "emoji"
  /** A comma-like break: ends a clause (negation reaches no further). */
  | "clause"
  /** A full stop, question or exclamation mark, or a new line: ends a sentence. */
  | "sentence";

export interface Token {
  text: string;
  kind: TokenKind;
}

const PATTERN =
  /(\p{Script=Han}+)|([a-z]+(?:'[a-z]+)*)|(\p{Extended_Pictographic})|([.!?。！？…\n]+)|([,;:，；：、()（）"“”\-—~/|]+)|\d+(?:\.\d+)?/giu;

/** The tokens of a text in order. Digits are dropped; anything else unrecognised is skipped. O(n). */
export function tokenize(text: string): Token[] {
  const normalized = text.normalize("NFKC").replace(/[’‘`´]/g, "'");
  const tokens: Token[] = [];
  for (const match of normalized.matchAll(PATTERN)) {
    const [, han, latin, emoji, sentence, clause] = match;
    if (han) {
      for (const word of cutChinese(han)) if (word.trim()) tokens.push({ text: word, kind: "zh" });
    } else if (latin) tokens.push({ text: latin.toLowerCase(), kind: "en" });
    else if (emoji) tokens.push({ text: emoji, kind: "emoji" });
    else if (sentence) tokens.push({ text: sentence, kind: "sentence" });
    else if (clause) tokens.push({ text: clause, kind: "clause" });
  }
  return tokens;
}

/**
 * The language most of a text is written in: "zh" when it has Chinese characters and at least as many of them as
 * English words, "en" when it has English words, "und" (undetermined) otherwise.
 */
export function detectLanguage(text: string): "zh" | "en" | "und" {
  const chinese = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const englishWords = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  if (chinese > 0 && chinese >= englishWords) return "zh";
  if (englishWords > 0) return "en";
  return "und";
}
