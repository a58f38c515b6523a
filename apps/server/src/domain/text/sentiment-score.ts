/**
 * Lexicon sentiment in the manner of VADER (Hutto & Gilbert, 2014), for Chinese and English service feedback:
 * each sentiment word counts its lexicon value, changed by the negators and intensifiers before it in the same
 * clause; after a contrast (但是, but) the rest of the sentence counts more and what came before less; the sum is
 * squashed into [−1, 1] by s / √(s² + α).
 */
import { toUnits, type Unit } from "./lexical-units.ts";
import { tokenize } from "./tokenize.ts";

/** How far (in words) a negator or intensifier reaches: 没有想象中好 still negates 好. */
const MODIFIER_REACH = 3;
/** A negated positive word keeps most of its strength (不满意 is clearly negative). */
const NEGATED_POSITIVE = 0.9;
/** A negated negative word is only mildly positive (不贵, not bad). */
const NEGATED_NEGATIVE = 0.5;
/** "Not very …" (不太满意, not very friendly): the opposite, softened. */
const NEGATED_INTENSIFIED = 0.7;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** Normalisation constant: one plain word scores about ±0.45, three about ±0.83. */
const ALPHA = 4;

interface Modifiers {
  negations: number;
  intensity: number;
  isNegatorFirst: boolean;
  isIntensifiedAfterNegation: boolean;
  distance: number;
}

const noModifiers = (): Modifiers => ({
  negations: 0, intensity: 1, isNegatorFirst: false, isIntensifiedAfterNegation: false, distance: 0,
});

function modifiedValue(value: number, modifiers: Modifiers): number {
  if (modifiers.negations % 2 === 0) return value * modifiers.intensity;
  if (modifiers.isNegatorFirst && modifiers.isIntensifiedAfterNegation) return -value * NEGATED_INTENSIFIED;
  return -value * (value > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE) * modifiers.intensity;
}

/** 好 is an intensifier right before a sentiment word (好脏, 好热情) and praise anywhere else. */
function isIntensifierUse(unit: Unit, next: Unit | undefined): boolean {
  return unit.kind === "sentiment" && unit.text === "好" && next?.kind === "sentiment";
}

/**
 * Sentiment of a text from −1 (very negative) to +1 (very positive); 0 when nothing tells. Rounded to 3 decimals.
 * Cost: O(n) in the text's length (one jieba pass).
 * @example sentimentScore("服务态度很差，排队太久") // ≈ −0.85
 * @example sentimentScore("店员很热情，环境干净") // ≈ 0.78
 */
export function sentimentScore(text: string): number {
  const units = toUnits(tokenize(text));
  let total = 0;
  let sentence: number[] = [];
  let isAfterContrast = false;
  let modifiers = noModifiers();

  const endSentence = () => {
    total += sentence.reduce((sum, value) => sum + value, 0);
    sentence = [];
    isAfterContrast = false;
  };

  for (let index = 0; index < units.length; index++) {
    const unit = units[index];
    if (isIntensifierUse(unit, units[index + 1])) {
      modifiers.intensity *= 1.4;
      modifiers.distance = 0;
      continue;
    }
    switch (unit.kind) {
      case "sentence":
        endSentence();
        modifiers = noModifiers();
        break;
      case "clause":
        modifiers = noModifiers();
        break;
      case "contrast":
        sentence = sentence.map((value) => value * BEFORE_CONTRAST);
        isAfterContrast = true;
        modifiers = noModifiers();
        break;
      case "negator":
        if (modifiers.negations === 0 && modifiers.intensity === 1) modifiers.isNegatorFirst = true;
        modifiers.negations++;
        modifiers.distance = 0;
        break;
      case "intensifier":
        modifiers.intensity *= unit.factor;
        if (modifiers.negations > 0) modifiers.isIntensifiedAfterNegation = true;
        modifiers.distance = 0;
        break;
      case "sentiment":
        sentence.push(modifiedValue(unit.value, modifiers) * (isAfterContrast ? AFTER_CONTRAST : 1));
        modifiers = noModifiers();
        break;
      case "other":
        if (++modifiers.distance > MODIFIER_REACH) modifiers = noModifiers();
        break;
    }
  }
  endSentence();
  const score = total / Math.sqrt(total * total + ALPHA);
  return Math.round(score * 1000) / 1000 || 0;
}
