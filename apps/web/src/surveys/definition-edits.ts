/**
 * Every change the builder makes to a survey definition, as pure functions from one definition to the next, so
 * they can be tested without a browser and the builder can undo nothing by accident. Keys stay unique; renaming
 * or deleting a question carries through to the show-if conditions and closed-loop rules that name it.
 */
import type { LocalizedText, Question, QuestionType, SurveyDefinition, SurveyPage } from "@kexin/contracts";

export interface QuestionPosition {
  pageIndex: number;
  questionIndex: number;
}

/** Texts a new question starts with, in the survey's languages: a title by type, numbered options, rows… */
export interface DefaultText {
  title(type: QuestionType): LocalizedText;
  item(name: "option" | "competitor" | "row", number: number): LocalizedText;
  feature(): LocalizedText;
}

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** Short, readable key stems per type: answers and report columns are named after them. */
const KEY_STEMS: Record<QuestionType, string> = {
  likert: "likert",
  csat: "csat",
  nps: "nps",
  ces: "ces",
  expectation_perception: "gap",
  kano: "kano",
  importance: "importance",
  competitor: "competitor",
  single_choice: "choice",
  multiple_choice: "multi",
  text: "text",
  matrix: "matrix",
};

export function isValidKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function allQuestions(definition: SurveyDefinition): Question[] {
  return definition.pages.flatMap((page) => page.questions);
}

export function findQuestion(definition: SurveyDefinition, key: string): QuestionPosition | null {
  for (const [pageIndex, page] of definition.pages.entries()) {
    const questionIndex = page.questions.findIndex((question) => question.key === key);
    if (questionIndex >= 0) return { pageIndex, questionIndex };
  }
  return null;
}

/** `stem_1`, `stem_2`, … : the first that no key in `taken` uses (trimmed so the key stays within 40 characters). */
export function uniqueKey(stem: string, taken: ReadonlySet<string>): string {
  for (let number = 1; ; number += 1) {
    const suffix = `_${number}`;
    const key = `${stem.slice(0, 40 - suffix.length)}${suffix}`;
    if (!taken.has(key)) return key;
  }
}

export function nextQuestionKey(definition: SurveyDefinition, type: QuestionType): string {
  return uniqueKey(KEY_STEMS[type], new Set(allQuestions(definition).map((question) => question.key)));
}

const numbered = (stem: "option" | "competitor" | "row", count: number, text: DefaultText) =>
  Array.from({ length: count }, (_, index) => ({ key: `${stem}_${index + 1}`, label: text.item(stem, index + 1) }));

/** A new question of `type` with sensible settings, ready to edit. */
export function createQuestion(type: QuestionType, key: string, text: DefaultText): Question {
  const base = { key, title: text.title(type), required: true };
  switch (type) {
    case "likert":
      return { ...base, type, points: 5, labels: "satisfaction" };
    case "csat":
      return { ...base, type, points: 5 };
    case "nps":
      return { ...base, type };
    case "ces":
      return { ...base, type, points: 7 };
    case "expectation_perception":
      return { ...base, type, points: 7 };
    case "kano":
      return { ...base, type, feature: text.feature() };
    case "importance":
      return { ...base, type, points: 5 };
    case "competitor":
      return { ...base, type, points: 5, competitors: numbered("competitor", 2, text) };
    case "single_choice":
      return { ...base, type, options: numbered("option", 3, text) };
    case "multiple_choice":
      return { ...base, type, options: numbered("option", 3, text) };
    case "text":
      return { ...base, type, required: false, maxLength: 1000, multiline: true };
    case "matrix":
      return { ...base, type, points: 5, labels: "satisfaction", rows: numbered("row", 3, text) };
  }
}

function mapPages(definition: SurveyDefinition, change: (page: SurveyPage, index: number) => SurveyPage): SurveyDefinition {
  return { ...definition, pages: definition.pages.map(change) };
}

/** Inserts `question` on page `pageIndex` at `index` (the end when omitted). */
export function insertQuestion(
  definition: SurveyDefinition,
  pageIndex: number,
  question: Question,
  index?: number,
): SurveyDefinition {
  return mapPages(definition, (page, current) => {
    if (current !== pageIndex) return page;
    const questions = [...page.questions];
    questions.splice(index ?? questions.length, 0, question);
    return { ...page, questions };
  });
}

/** Removes a question and every show-if condition and closed-loop rule that refers to it. */
export function removeQuestion(definition: SurveyDefinition, key: string): SurveyDefinition {
  const pages = definition.pages.map((page) => ({
    ...page,
    questions: page.questions
      .filter((question) => question.key !== key)
      .map((question) => {
        if (!question.showIf?.some((condition) => condition.question === key)) return question;
        const showIf = question.showIf.filter((condition) => condition.question !== key);
        return { ...question, showIf: showIf.length > 0 ? showIf : undefined };
      }),
  }));
  return { ...definition, pages, closedLoop: definition.closedLoop.filter((rule) => rule.when.question !== key) };
}

/** A copy of the question right after it, under a new key; returns the new key too. */
export function duplicateQuestion(definition: SurveyDefinition, key: string): { definition: SurveyDefinition; key: string } {
  const position = findQuestion(definition, key);
  if (!position) return { definition, key };
  const original = definition.pages[position.pageIndex]!.questions[position.questionIndex]!;
  const taken = new Set(allQuestions(definition).map((question) => question.key));
  const copyKey = uniqueKey(key.replace(/_\d+$/, ""), taken);
  const copy = { ...structuredClone(original), key: copyKey };
  return { definition: insertQuestion(definition, position.pageIndex, copy, position.questionIndex + 1), key: copyKey };
}

/**
 * Replaces the question stored under `key`. When the replacement has a new key, conditions and rules that named
 * the old key follow it. The caller checks the new key is valid and free.
 */
export function replaceQuestion(definition: SurveyDefinition, key: string, question: Question): SurveyDefinition {
  const renamed = question.key !== key;
  const follow = (name: string) => (renamed && name === key ? question.key : name);
  const pages = definition.pages.map((page) => ({
    ...page,
    questions: page.questions.map((current) => {
      if (current.key === key) return question;
      if (!renamed || !current.showIf?.some((condition) => condition.question === key)) return current;
      return { ...current, showIf: current.showIf.map((condition) => ({ ...condition, question: follow(condition.question) })) };
    }),
  }));
  const closedLoop = renamed
    ? definition.closedLoop.map((rule) => ({ ...rule, when: { ...rule.when, question: follow(rule.when.question) } }))
    : definition.closedLoop;
  return { ...definition, pages, closedLoop };
}

/** Moves a question to page `toPage`, position `toIndex` counted after it has left its old place. */
export function moveQuestion(definition: SurveyDefinition, key: string, toPage: number, toIndex: number): SurveyDefinition {
  const from = findQuestion(definition, key);
  if (!from || toPage < 0 || toPage >= definition.pages.length) return definition;
  const question = definition.pages[from.pageIndex]!.questions[from.questionIndex]!;
  const without = mapPages(definition, (page, index) =>
    index === from.pageIndex ? { ...page, questions: page.questions.filter((current) => current.key !== key) } : page,
  );
  const length = without.pages[toPage]!.questions.length;
  return insertQuestion(without, toPage, question, Math.max(0, Math.min(toIndex, length)));
}

export function addPage(definition: SurveyDefinition): SurveyDefinition {
  const key = uniqueKey("page", new Set(definition.pages.map((page) => page.key)));
  return { ...definition, pages: [...definition.pages, { key, questions: [] }] };
}

/** Removes a page with its questions (and whatever referred to them); the last page stays. */
export function removePage(definition: SurveyDefinition, pageIndex: number): SurveyDefinition {
  const page = definition.pages[pageIndex];
  if (!page || definition.pages.length <= 1) return definition;
  const withoutQuestions = page.questions.reduce((current, question) => removeQuestion(current, question.key), definition);
  return { ...withoutQuestions, pages: withoutQuestions.pages.filter((_, index) => index !== pageIndex) };
}

export function updatePage(definition: SurveyDefinition, pageIndex: number, page: SurveyPage): SurveyDefinition {
  return mapPages(definition, (current, index) => (index === pageIndex ? page : current));
}

/** The questions before `key` in answering order: the ones a show-if condition may refer to. */
export function questionsBefore(definition: SurveyDefinition, key: string): Question[] {
  const questions = allQuestions(definition);
  const index = questions.findIndex((question) => question.key === key);
  return index < 0 ? [] : questions.slice(0, index);
}

/** Clears a question's tie to an indicator or construct that no longer exists. */
export function dropStaleTies(definition: SurveyDefinition): SurveyDefinition {
  const indicators = new Set(definition.indicatorSystem?.dimensions.flatMap((d) => d.indicators.map((i) => i.key)));
  const constructs = new Set(definition.model?.constructs.map((construct) => construct.key));
  return mapPages(definition, (page) => ({
    ...page,
    questions: page.questions.map((question) => {
      const staleIndicator = question.indicator !== undefined && !indicators.has(question.indicator);
      const staleConstruct = question.construct !== undefined && !constructs.has(question.construct);
      if (!staleIndicator && !staleConstruct) return question;
      return {
        ...question,
        indicator: staleIndicator ? undefined : question.indicator,
        construct: staleConstruct ? undefined : question.construct,
      };
    }),
  }));
}

/** Follows a renamed indicator or construct key in the questions tied to it (and, for constructs, the paths). */
export function renameTie(definition: SurveyDefinition, kind: "indicator" | "construct", from: string, to: string): SurveyDefinition {
  const renamed = mapPages(definition, (page) => ({
    ...page,
    questions: page.questions.map((question) => (question[kind] === from ? { ...question, [kind]: to } : question)),
  }));
  if (kind !== "construct" || !renamed.model) return renamed;
  const follow = (key: string) => (key === from ? to : key);
  const paths = renamed.model.paths.map((path) => ({ from: follow(path.from), to: follow(path.to) }));
  return { ...renamed, model: { ...renamed.model, paths } };
}
