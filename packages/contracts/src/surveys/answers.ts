/**
 * Checking a set of answers against the survey version it answers, with the same code on the server and in the
 * respondent page. Pure and free of zod at run time so the respondent page stays small.
 */
import type { Question, ShowIfCondition, SurveyDefinition } from "./definition.ts";

/** definition.ts's listQuestions, repeated so that importing this file never loads zod (definition.ts builds schemas). */
const listQuestions = (definition: Pick<SurveyDefinition, "pages">): Question[] =>
  definition.pages.flatMap((page) => page.questions);

export type PairAnswer = { expectation: number; perception: number };
export type KanoPairAnswer = { functional: number; dysfunctional: number };
/** A number for scales, an option key or keys for choices, text, or a pair or per-row record for compound types. */
export type AnswerValue = number | string | string[] | PairAnswer | KanoPairAnswer | Record<string, number>;
export type Answers = Record<string, AnswerValue>;

export interface AnswerError {
  /** The question key, so the form can point at it. */
  question: string;
  message: string;
}

/** The key a competitor question uses for the business's own rating beside its competitors. */
export const OWN_RATING_KEY = "us";

/** Lowest and highest allowed value of a one-number question. */
export function scaleRange(question: Question): { min: number; max: number } | null {
  switch (question.type) {
    case "nps":
      return { min: 0, max: 10 };
    case "likert":
    case "csat":
    case "ces":
    case "importance":
    case "expectation_perception":
    case "competitor":
    case "matrix":
      return { min: 1, max: question.points };
    case "kano":
      return { min: 1, max: 5 };
    default:
      return null;
  }
}

function conditionHolds(condition: ShowIfCondition, answer: AnswerValue | undefined): boolean {
  if (condition.operator === "answered") return answer !== undefined;
  if (answer === undefined) return false;
  switch (condition.operator) {
    case "equals":
      return answer === condition.value;
    case "not_equals":
      return answer !== condition.value;
    case "lte":
      return typeof answer === "number" && typeof condition.value === "number" && answer <= condition.value;
    case "gte":
      return typeof answer === "number" && typeof condition.value === "number" && answer >= condition.value;
    case "includes":
      return Array.isArray(answer) && typeof condition.value === "string" && answer.includes(condition.value);
  }
}

/** Whether a question is shown, given the answers so far (a question hidden by its logic is never required). */
export function isQuestionVisible(question: Question, answers: Partial<Answers>): boolean {
  return (question.showIf ?? []).every((condition) => conditionHolds(condition, answers[condition.question]));
}

const isScaleValue = (value: unknown, min: number, max: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;

/** Why one answer is not acceptable for its question, or null when it is. */
export function checkAnswer(question: Question, value: unknown): string | null {
  const range = scaleRange(question);
  const outOfRange = range ? `answer with a whole number from ${range.min} to ${range.max}` : "";
  switch (question.type) {
    case "likert":
    case "csat":
    case "nps":
    case "ces":
    case "importance":
      return isScaleValue(value, range!.min, range!.max) ? null : outOfRange;
    case "expectation_perception": {
      const pair = value as Partial<PairAnswer> | null;
      const isPair =
        typeof pair === "object" && pair !== null && !Array.isArray(pair) && Object.keys(pair).length === 2;
      return isPair && isScaleValue(pair.expectation, 1, question.points) && isScaleValue(pair.perception, 1, question.points)
        ? null
        : `rate both expectation and perception from 1 to ${question.points}`;
    }
    case "kano": {
      const pair = value as Partial<KanoPairAnswer> | null;
      const isPair =
        typeof pair === "object" && pair !== null && !Array.isArray(pair) && Object.keys(pair).length === 2;
      return isPair && isScaleValue(pair.functional, 1, 5) && isScaleValue(pair.dysfunctional, 1, 5)
        ? null
        : "answer both the functional and the dysfunctional question (1–5)";
    }
    case "competitor":
    case "matrix": {
      const allowed = question.type === "matrix"
        ? question.rows.map((row) => row.key)
        : [OWN_RATING_KEY, ...question.competitors.map((c) => c.key)];
      if (typeof value !== "object" || value === null || Array.isArray(value)) return "rate each row";
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) return "rate at least one row";
      for (const [key, rating] of entries) {
        if (!allowed.includes(key)) return `there is no row ${key}`;
        if (!isScaleValue(rating, 1, question.points)) return `rate ${key} from 1 to ${question.points}`;
      }
      return null;
    }
    case "single_choice":
      return typeof value === "string" && question.options.some((option) => option.key === value)
        ? null
        : "choose one of the options";
    case "multiple_choice": {
      if (!Array.isArray(value) || value.length === 0) return "choose at least one option";
      if (new Set(value).size !== value.length) return "choose each option once";
      if (!value.every((key) => question.options.some((option) => option.key === key))) return "choose among the options";
      if (question.maxSelections && value.length > question.maxSelections) {
        return `choose at most ${question.maxSelections} options`;
      }
      return null;
    }
    case "text":
      if (typeof value !== "string") return "answer with text";
      return value.length > question.maxLength ? `keep the answer under ${question.maxLength} characters` : null;
  }
}

/** An answer counts as given unless it is empty text, an empty list or an empty record. */
function isGiven(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/**
 * Checks answers against a survey version: unknown questions, wrong types and out-of-range values are errors,
 * visible required questions must be answered, and answers to questions the logic hides are dropped.
 * @returns the answers to keep, and every problem found (empty when the answers can be stored).
 */
export function validateAnswers(
  definition: Pick<SurveyDefinition, "pages">,
  answers: Record<string, unknown>,
  options: { isComplete: boolean } = { isComplete: true },
): { answers: Answers; errors: AnswerError[] } {
  const questions = listQuestions(definition);
  const known = new Set(questions.map((question) => question.key));
  const errors: AnswerError[] = Object.keys(answers)
    .filter((key) => !known.has(key))
    .map((key) => ({ question: key, message: "this survey has no such question" }));
  const kept: Answers = {};
  for (const question of questions) {
    if (!isQuestionVisible(question, kept)) continue;
    const value = answers[question.key];
    if (!isGiven(value)) {
      if (question.required && options.isComplete) errors.push({ question: question.key, message: "this question needs an answer" });
      continue;
    }
    const problem = checkAnswer(question, value);
    if (problem) errors.push({ question: question.key, message: problem });
    else kept[question.key] = value as AnswerValue;
  }
  return { answers: kept, errors };
}
