/**
 * The words for each point of a reported scale (很不满意 … 很满意), from the question as the survey asks it and the
 * label table the builder and respondent page use. Points without words (NPS 0–10, an unknown question) are shown
 * as their numbers.
 */
import type { Locale, Question } from "@kexin/contracts";
import { KANO_ANSWER_LABELS, labelSetOf, scaleWords } from "../surveys/scale-labels.ts";

export type ScalePart = "expectation" | "perception" | "functional" | "dysfunctional" | undefined;

export function pointLabels(question: Question | undefined, min: number, max: number, locale: Locale, part?: ScalePart): string[] {
  const numbers = Array.from({ length: max - min + 1 }, (_, index) => String(min + index));
  if (!question) return numbers;
  if (question.type === "kano" || part === "functional" || part === "dysfunctional") {
    const words = KANO_ANSWER_LABELS[locale];
    return words.length === numbers.length ? [...words] : numbers;
  }
  const labels = labelSetOf(question);
  const points = max - min + 1;
  if (!labels || min !== 1 || (points !== 5 && points !== 7)) return numbers;
  return [...scaleWords(labels, points, locale)];
}

/** Every question of a definition by key. */
export function questionsByKey(definition: { pages: { questions: Question[] }[] } | undefined): Map<string, Question> {
  return new Map((definition?.pages ?? []).flatMap((page) => page.questions.map((question) => [question.key, question] as const)));
}
