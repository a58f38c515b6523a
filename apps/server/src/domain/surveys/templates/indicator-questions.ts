/**
 * Builds the indicator system of an indicator-index template and its questions from one table, so every level-3
 * indicator has its rating question: a 5-point satisfaction Likert tied to it with `indicator`. Importance
 * questions are tied to the same indicator; reports read them as the indicator's importance (for the
 * importance-performance map), never as its performance.
 */
import type { IndicatorSystem, LocalizedText, QuestionInput, ScaleLabels } from "@kexin/contracts";
import { text } from "./localized-text.ts";

type Wording = [simplifiedChinese: string, english: string, traditionalChinese: string];

export interface IndicatorEntry {
  key: string;
  /** The indicator's short name in the report tree. */
  name: Wording;
  /** The question the respondent sees. */
  question: Wording;
  /** Relative weight within its dimension; give it for every indicator of the dimension or for none (equal). */
  weight?: number;
  /** Not every respondent uses this (parking, the gym…): they may skip it. */
  isOptional?: boolean;
}

export interface DimensionEntry {
  key: string;
  name: Wording;
  /** Relative weight in the overall index; give it for every dimension or for none (equal weights). */
  weight?: number;
  indicators: IndicatorEntry[];
}

/** The level-2/level-3 tree with its weights, as the survey definition stores it. */
export function indicatorSystemOf(dimensions: readonly DimensionEntry[]): IndicatorSystem {
  return {
    dimensions: dimensions.map((dimension) => ({
      key: dimension.key,
      title: text(...dimension.name),
      ...(dimension.weight === undefined ? {} : { weight: dimension.weight }),
      indicators: dimension.indicators.map((indicator) => ({
        key: indicator.key,
        title: text(...indicator.name),
        ...(indicator.weight === undefined ? {} : { weight: indicator.weight }),
      })),
    })),
  };
}

const skipHelp = text("没有用到可以跳过。", "Skip this if it did not apply to you.", "沒有使用到可以略過。");

/**
 * One 5-point question per indicator of the dimension, keyed and tied by the indicator key; rated for satisfaction
 * unless the wording is a statement to agree with.
 */
export function ratingQuestionsOf(dimension: DimensionEntry, labels: ScaleLabels = "satisfaction"): QuestionInput[] {
  return dimension.indicators.map((indicator) => ({
    key: indicator.key,
    type: "likert",
    points: 5,
    labels,
    indicator: indicator.key,
    title: text(...indicator.question),
    ...(indicator.isOptional ? { required: false, help: skipHelp } : {}),
  }));
}

/** How important one indicator is to the respondent (1–5), keyed `importance_<indicator>` and tied to it. */
export function importanceQuestionOf(dimensions: readonly DimensionEntry[], indicatorKey: string): QuestionInput {
  const indicator = dimensions.flatMap((dimension) => dimension.indicators).find((entry) => entry.key === indicatorKey);
  if (!indicator) throw new Error(`template error: there is no indicator ${indicatorKey} to ask the importance of`);
  const title: LocalizedText = text(...indicator.name);
  return { key: `importance_${indicatorKey}`, type: "importance", points: 5, indicator: indicatorKey, title };
}
