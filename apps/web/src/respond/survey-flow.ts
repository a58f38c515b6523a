/**
 * The path through a survey, free of the DOM: which questions and pages the show-if logic leaves visible, where
 * Back and Next go, how far along the respondent is, and what on a page still needs an answer. Visibility and
 * validation come from @kexin/contracts/survey-answers, the same code the server runs on submission.
 */
import type { Question, SurveyDefinition } from "@kexin/contracts";
import {
  type AnswerError,
  type Answers,
  type AnswerValue,
  isQuestionVisible,
  validateAnswers,
} from "@kexin/contracts/survey-answers";
import { fill, type RespondStrings } from "./strings.ts";

export type Pages = Pick<SurveyDefinition, "pages">;

/**
 * The answers the server would keep: valid, and on questions the logic shows. Visibility is judged on these (as
 * validateAnswers does), so the page and the server never disagree about which questions are asked.
 */
export function keptAnswers(definition: Pages, answers: Answers): Answers {
  return validateAnswers(definition, answers, { isComplete: false }).answers;
}

/** The questions of one page the show-if logic shows, given every answer so far. */
export function visibleQuestions(definition: Pages, pageIndex: number, answers: Answers): Question[] {
  const kept = keptAnswers(definition, answers);
  return (definition.pages[pageIndex]?.questions ?? []).filter((question) => isQuestionVisible(question, kept));
}

/** A page is shown when at least one of its questions is. */
export function isPageShown(definition: Pages, pageIndex: number, answers: Answers): boolean {
  return visibleQuestions(definition, pageIndex, answers).length > 0;
}

/** Indexes of the pages shown, in order. */
export function shownPages(definition: Pages, answers: Answers): number[] {
  return definition.pages.map((_, index) => index).filter((index) => isPageShown(definition, index, answers));
}

/** The next shown page after `from`, or null when `from` is the last one (Next becomes Submit). */
export function nextPageIndex(definition: Pages, from: number, answers: Answers): number | null {
  return shownPages(definition, answers).find((index) => index > from) ?? null;
}

/** The shown page before `from`, or null on the first one. */
export function previousPageIndex(definition: Pages, from: number, answers: Answers): number | null {
  return lastBefore(shownPages(definition, answers), from);
}

/** A page index that is shown: `wanted` if it is, else the nearest shown page before it, else the first. */
export function settlePageIndex(definition: Pages, wanted: number, answers: Answers): number {
  const shown = shownPages(definition, answers);
  if (shown.length === 0) return 0;
  if (shown.includes(wanted)) return wanted;
  return lastBefore(shown, wanted) ?? shown[0];
}

/** The last index below `limit` (Array.prototype.findLast is too new for some phones still in use). */
function lastBefore(indexes: number[], limit: number): number | null {
  let found: number | null = null;
  for (const index of indexes) if (index < limit) found = index;
  return found;
}

/** Position among the shown pages, 1-based, for the progress bar. */
export function pageProgress(definition: Pages, pageIndex: number, answers: Answers): { current: number; total: number } {
  const shown = shownPages(definition, answers);
  const position = shown.filter((index) => index <= pageIndex).length;
  return { current: Math.max(1, position), total: Math.max(1, shown.length) };
}

/** Every problem with the answers, as the server will judge a complete submission. */
export function allErrors(definition: Pages, answers: Answers): AnswerError[] {
  return validateAnswers(definition, answers, { isComplete: true }).errors;
}

/** The problems on one page only, so Next checks what the respondent can see. */
export function pageErrors(definition: Pages, pageIndex: number, answers: Answers): AnswerError[] {
  const onPage = new Set((definition.pages[pageIndex]?.questions ?? []).map((question) => question.key));
  return allErrors(definition, answers).filter((error) => onPage.has(error.question));
}

/** The page a question is on, or null for a key the survey does not have. */
export function pageOfQuestion(definition: Pages, questionKey: string): number | null {
  const index = definition.pages.findIndex((page) => page.questions.some((question) => question.key === questionKey));
  return index === -1 ? null : index;
}

/** A copy of the answers with one changed; `undefined` (or an empty value) removes it. */
export function withAnswer(answers: Answers, questionKey: string, value: AnswerValue | undefined): Answers {
  const next = { ...answers };
  if (value === undefined || !isGiven(value)) delete next[questionKey];
  else next[questionKey] = value;
  return next;
}

function isGiven(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/**
 * What to tell the respondent about one problem, in their language. validateAnswers speaks English to developers;
 * this page names what to do instead, from the question's type and the value given.
 */
export function describeAnswerError(question: Question, value: unknown, strings: RespondStrings): string {
  if (!isGiven(value)) return strings.answerRequired;
  switch (question.type) {
    case "expectation_perception":
      return strings.answerBothRows;
    case "kano":
      return strings.answerBothKano;
    case "multiple_choice":
      return question.maxSelections && Array.isArray(value) && value.length > question.maxSelections
        ? fill(strings.tooManyChoices, { max: question.maxSelections })
        : strings.answerInvalid;
    case "text":
      return typeof value === "string" && value.length > question.maxLength
        ? fill(strings.tooLong, { max: question.maxLength })
        : strings.answerInvalid;
    default:
      return strings.answerInvalid;
  }
}
