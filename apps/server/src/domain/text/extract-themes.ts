/**
 * Themes: the words a set of texts is about, found by segmenting each text (jieba for Chinese, words for English),
 * dropping stop words and weighing what is left by TF-IDF (term frequency in the text × inverse document frequency
 * from jieba's corpus). A negated sentiment word stays one theme (不满意, not friendly) and an intensifier is dropped
 * (太贵 → 贵), so the same complaint reads the same however strongly it was put.
 */
import { inverseDocumentFrequency } from "./jieba.ts";
import { toUnits, type Unit } from "./lexical-units.ts";
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS, THEME_SINGLE_CHARACTERS } from "./stop-words.ts";
import { tokenize } from "./tokenize.ts";

export interface Theme {
  term: string;
  /** How many of the texts mention the term. */
  count: number;
  /** TF-IDF weight summed over the texts. */
  weight: number;
}

interface ThemeWord {
  term: string;
  /** The word whose document frequency weighs the term (the sentiment word of 不满意). */
  base: string;
}

const isChinese = (text: string) => /\p{Script=Han}/u.test(text);

/** queues → queue, categories → category; short words and -ss/-us/-is words are left alone. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Dates, times and counts (今天下午, 三点, 两个小时): when, not what. */
const CHINESE_TIME_OR_COUNT =
  /^(今天|昨天|明天|前天|后天|今早|今晚|昨晚)|^[零一二三四五六七八九十百千万两半几\d]+(点钟?|分钟?|秒|小时|天|周|个月?|次|号|年|块|元|位|人)$/u;

function isThemeWord(word: string): boolean {
  if (isChinese(word)) {
    if (CHINESE_STOP_WORDS.has(word) || CHINESE_TIME_OR_COUNT.test(word)) return false;
    return [...word].length > 1 || THEME_SINGLE_CHARACTERS.has(word);
  }
  return /^[a-z][a-z']+$/.test(word) && word.length >= 3 && !ENGLISH_STOP_WORDS.has(word);
}

/** The theme words of one text, in order, with repeats. */
function themeWords(text: string): ThemeWord[] {
  const words: ThemeWord[] = [];
  let negator: string | undefined;
  const units: Unit[] = toUnits(tokenize(text));
  for (const unit of units) {
    if (unit.kind === "negator") {
      negator = unit.text;
      continue;
    }
    if (unit.kind === "intensifier") continue;
    if (unit.kind === "sentiment") {
      const base = isChinese(unit.text) ? unit.text : singular(unit.text);
      if (negator) words.push({ term: isChinese(unit.text) ? `${negator}${unit.text}` : `${negator} ${unit.text}`, base });
      else if (isThemeWord(base) || base.includes(" ")) words.push({ term: base, base });
    } else if (unit.kind === "other" && unit.language !== "emoji") {
      const word = unit.language === "en" ? singular(unit.text) : unit.text;
      if (isThemeWord(word)) words.push({ term: word, base: word });
    }
    negator = undefined;
  }
  return words;
}

/** The theme terms of one text, in order of appearance, each once. */
export function themeTerms(text: string): string[] {
  return [...new Set(themeWords(text).map((word) => word.term))];
}

/**
 * The most telling terms of a set of texts, most frequent first (the number of texts mentioning a term), ties
 * broken by TF-IDF weight and then alphabetically, so the same texts always give the same themes.
 * Cost: O(total length) for segmentation plus O(t log t) to sort the t distinct terms.
 * @example extractThemes(["排队太久", "结账排队半小时"], 3) // [{ term: "排队", count: 2, … }, …]
 */
export function extractThemes(texts: readonly string[], limit = 20): Theme[] {
  const themes = new Map<string, Theme>();
  for (const text of texts) {
    const words = themeWords(text);
    if (words.length === 0) continue;
    const occurrences = new Map<string, { base: string; count: number }>();
    for (const { term, base } of words) {
      const seen = occurrences.get(term);
      if (seen) seen.count++;
      else occurrences.set(term, { base, count: 1 });
    }
    for (const [term, { base, count }] of occurrences) {
      const weight = (count / words.length) * inverseDocumentFrequency(base);
      const theme = themes.get(term);
      if (theme) {
        theme.count++;
        theme.weight += weight;
      } else themes.set(term, { term, count: 1, weight });
    }
  }
  return [...themes.values()]
    .map((theme) => ({ ...theme, weight: Math.round(theme.weight * 10_000) / 10_000 }))
    .sort((a, b) => b.count - a.count || b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, Math.max(0, limit));
}
