/**
 * Reads tokens as the lexicon sees them. jieba often keeps a modifier and its word together (很差, 太贵, 不满意);
 * such a word is split back into its negators, intensifiers and the sentiment word, but only when every part is
 * known, so 不好意思 or 好像 stay ordinary words. Two-word English phrases (long wait, rip off) become one unit.
 */
import { CONTRASTS, INTENSIFIERS, NEGATORS, SENTIMENT_WORDS } from "./sentiment-lexicon.ts";
import type { Token } from "./tokenize.ts";

export type Unit =
  | { kind: "sentiment"; text: string; value: number }
  | { kind: "negator"; text: string }
  | { kind: "intensifier"; text: string; factor: number }
  | { kind: "contrast"; text: string }
  | { kind: "clause"; text: string }
  | { kind: "sentence"; text: string }
  | { kind: "other"; text: string; language: "zh" | "en" | "emoji" };

function lexiconUnit(word: string): Unit | undefined {
  const value = SENTIMENT_WORDS.get(word);
  if (value !== undefined) return { kind: "sentiment", text: word, value };
  if (NEGATORS.has(word)) return { kind: "negator", text: word };
  const factor = INTENSIFIERS.get(word);
  if (factor !== undefined) return { kind: "intensifier", text: word, factor };
  if (CONTRASTS.has(word)) return { kind: "contrast", text: word };
  return undefined;
}

/** 好 in 好脏 is "so", not praise: a prefix is read as a modifier first. */
function modifierUnit(word: string): Unit | undefined {
  if (NEGATORS.has(word)) return { kind: "negator", text: word };
  const factor = INTENSIFIERS.get(word);
  return factor === undefined ? undefined : { kind: "intensifier", text: word, factor };
}

const MODIFIER_PREFIX_LENGTHS = [3, 2, 1];

/** A Chinese word as lexicon units, or undefined when it is not (entirely) made of lexicon entries. */
export function chineseUnits(word: string): Unit[] | undefined {
  const whole = lexiconUnit(word);
  if (whole) return [whole];
  for (const length of MODIFIER_PREFIX_LENGTHS) {
    if (length >= word.length) continue;
    const prefix = modifierUnit(word.slice(0, length));
    if (!prefix) continue;
    const rest = chineseUnits(word.slice(length));
    if (rest) return [prefix, ...rest];
  }
  return undefined;
}

/** "not only" is no negation; these two-word openers are skipped as plain words. */
const NOT_NEGATIONS = new Set(["not only", "not just"]);

/** The units of a token list, in order. O(n). */
export function toUnits(tokens: readonly Token[]): Unit[] {
  const units: Unit[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind === "clause" || token.kind === "sentence") {
      units.push({ kind: token.kind, text: token.text });
      continue;
    }
    if (token.kind === "zh") {
      units.push(...(chineseUnits(token.text) ?? [{ kind: "other", text: token.text, language: "zh" } as const]));
      continue;
    }
    if (token.kind === "en") {
      const next = tokens[index + 1];
      const pair = next?.kind === "en" ? `${token.text} ${next.text}` : undefined;
      const phraseValue = pair === undefined ? undefined : SENTIMENT_WORDS.get(pair);
      if (pair !== undefined && phraseValue !== undefined) {
        units.push({ kind: "sentiment", text: pair, value: phraseValue });
        index++;
        continue;
      }
      if (pair !== undefined && NOT_NEGATIONS.has(pair)) {
        units.push({ kind: "other", text: token.text, language: "en" }, { kind: "other", text: next.text, language: "en" });
        index++;
        continue;
      }
    }
    const language = token.kind === "emoji" ? "emoji" : token.kind;
    units.push(lexiconUnit(token.text) ?? { kind: "other", text: token.text, language });
  }
  return units;
}
