/** How the builder groups and describes the twelve question types. */
import type { Question, QuestionType, ShowIfCondition } from "@kexin/contracts";
import { scaleRange } from "@kexin/contracts";

export type QuestionGroup = "scales" | "methods" | "choices" | "other";

export const QUESTION_GROUPS: ReadonlyArray<{ group: QuestionGroup; types: readonly QuestionType[] }> = [
  { group: "scales", types: ["likert", "csat", "nps", "ces", "importance"] },
  { group: "methods", types: ["expectation_perception", "kano", "competitor"] },
  { group: "choices", types: ["single_choice", "multiple_choice"] },
  { group: "other", types: ["text", "matrix"] },
];

/** Tag colours in the outline, one per group, so a long survey reads at a glance. */
export const GROUP_COLORS: Record<QuestionGroup, string> = {
  scales: "blue",
  methods: "purple",
  choices: "green",
  other: "orange",
};

export function groupOf(type: QuestionType): QuestionGroup {
  return QUESTION_GROUPS.find((entry) => entry.types.includes(type))?.group ?? "other";
}

type Operator = ShowIfCondition["operator"];

/**
 * The show-if operators that make sense for a question's answer: numbers compare, a single choice matches,
 * a multiple choice includes, and anything can merely have been answered.
 */
export function operatorsFor(question: Question): Operator[] {
  if (question.type === "single_choice") return ["equals", "not_equals", "answered"];
  if (question.type === "multiple_choice") return ["includes", "answered"];
  if (hasSingleNumber(question)) return ["lte", "gte", "equals", "not_equals", "answered"];
  return ["answered"];
}

/** Whether the answer is one number (the only kind a numeric condition or closed-loop rule can test). */
export function hasSingleNumber(question: Question): boolean {
  return ["likert", "csat", "nps", "ces", "importance"].includes(question.type) && scaleRange(question) !== null;
}
