/**
 * The jieba segmenter and its TF-IDF table, loaded once on first use (about 0.3 s and 60 MB, so a server that never
 * reads a text never pays for it). Sentiment phrases jieba does not know (态度差, 没人理…) are added to its dictionary
 * so they stay whole words.
 */
import { createRequire } from "node:module";
import type { Jieba, TfIdf } from "@node-rs/jieba";
import { CHINESE_LEXICON_PHRASES, SENTIMENT_WORDS } from "./sentiment-lexicon.ts";

/** Required on first use: importing @node-rs/jieba/dict.js reads 11 MB of dictionaries from disk. */
const require = createRequire(import.meta.url);

interface Segmenter {
  jieba: Jieba;
  tfidf: TfIdf;
  /** TF-IDF's fallback for words it has no document frequency for (jieba's median). */
  medianIdf: number;
}

let segmenter: Segmenter | undefined;

/** A frequency high enough for jieba to prefer the phrase over its parts, yet below very common words. */
const ADDED_WORD_FREQUENCY = 3_000;

function load(): Segmenter {
  const { Jieba, TfIdf } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
  const { dict, idf } = require("@node-rs/jieba/dict.js") as typeof import("@node-rs/jieba/dict.js");
  const jieba = Jieba.withDict(dict);
  const missing = CHINESE_LEXICON_PHRASES.filter((phrase) => jieba.cut(phrase, false).length > 1);
  if (missing.length > 0) {
    jieba.loadDict(Buffer.from(missing.map((phrase) => `${phrase} ${ADDED_WORD_FREQUENCY}`).join("\n")));
  }
  const tfidf = TfIdf.withDict(idf);
  // Themes choose their own words; TF-IDF only weighs them, so it must neither drop short words nor stop words.
  tfidf.setConfig({ minKeywordLength: 1, stopWords: new Set() });
  const probe = tfidf.extractKeywords(jieba, "qqxxzzkexin", 1);
  return { jieba, tfidf, medianIdf: probe[0]?.weight ?? 10 };
}

function getSegmenter(): Segmenter {
  segmenter ??= load();
  return segmenter;
}

/** Chinese text cut into words (HMM on, so names and new words come out whole). O(n) in the text's length. */
export function cutChinese(text: string): string[] {
  return getSegmenter().jieba.cut(text, true);
}

/**
 * Chinese words outside jieba's corpus are mostly fragments its HMM glued together (只开, 不到), so they weigh half
 * the median unless the lexicon knows them (人太多, 没人管); English words, all unknown to it, keep the median.
 */
function unknownWordIdf(word: string, medianIdf: number): number {
  const isChinese = /\p{Script=Han}/u.test(word);
  return isChinese && !SENTIMENT_WORDS.has(word) ? medianIdf / 2 : medianIdf;
}

const idfCache = new Map<string, number>();
const IDF_CACHE_LIMIT = 50_000;

/**
 * The inverse document frequency of one word in jieba's corpus; words it does not know (English, new words) get
 * the median, as in jieba's own keyword extraction. Cached.
 */
export function inverseDocumentFrequency(word: string): number {
  const cached = idfCache.get(word);
  if (cached !== undefined) return cached;
  const { jieba, tfidf, medianIdf } = getSegmenter();
  const [best] = tfidf.extractKeywords(jieba, word, 1);
  const value = best && best.keyword === word ? best.weight : unknownWordIdf(word, medianIdf);
  if (idfCache.size >= IDF_CACHE_LIMIT) idfCache.clear();
  idfCache.set(word, value);
  return value;
}
