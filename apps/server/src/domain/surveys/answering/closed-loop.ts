/**
 * Closed loop: the rules of a survey version decide, from one answer, which follow-up tasks to open. Evaluating is
 * pure (so the submit path knows before writing whether it needs a transaction); opening the tasks runs in the
 * answer's transaction, so a task exists exactly when its answer does.
 */
import type { AnswerValue, Answers, ClosedLoopRule, Question, SurveyDefinition } from "@kexin/contracts";
import { listQuestions } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { createFollowUpTask, type FollowUpTaskInput } from "../../tasks/create-follow-up-task.ts";
import { sentimentScore } from "../../text/index.ts";
import { answerText, localized, phrase, questionLabel, truncate } from "./answer-phrases.ts";

export interface FiredRule {
  ruleIndex: number;
  rule: ClosedLoopRule;
  question: Question;
  value: AnswerValue;
}

export interface ClosedLoopOptions {
  /** Sentiment of a text from −1 to +1; the text module's scorer unless a test passes another. */
  sentiment?: (text: string) => number;
  /** Told when a rule could not be evaluated (e.g. the scorer failed); that rule is skipped, the answer kept. */
  onRuleError?: (ruleIndex: number, error: unknown) => void;
}

function holds(rule: ClosedLoopRule, value: AnswerValue | undefined, sentiment: (text: string) => number): boolean {
  const { when } = rule;
  if (when.kind === "negative_text") return typeof value === "string" && value.trim() !== "" && sentiment(value) < 0;
  if (typeof value !== "number") return false;
  switch (when.operator) {
    case "lte":
      return value <= when.value;
    case "gte":
      return value >= when.value;
    case "equals":
      return value === when.value;
  }
}

/** The rules an answer sets off, in rule order. Only numeric answers match answer rules. */
export function evaluateClosedLoop(
  definition: Pick<SurveyDefinition, "pages" | "closedLoop">,
  answers: Answers,
  { sentiment = sentimentScore, onRuleError }: ClosedLoopOptions = {},
): FiredRule[] {
  if (definition.closedLoop.length === 0) return [];
  const questions = new Map(listQuestions(definition).map((question) => [question.key, question]));
  const fired: FiredRule[] = [];
  definition.closedLoop.forEach((rule, ruleIndex) => {
    const question = questions.get(rule.when.question);
    const value = answers[rule.when.question];
    if (!question || value === undefined) return;
    try {
      if (holds(rule, value, sentiment)) fired.push({ ruleIndex, rule, question, value });
    } catch (error) {
      onRuleError?.(ruleIndex, error);
    }
  });
  return fired;
}

export interface FollowUpContext {
  orgId: string;
  surveyId: string;
  surveyName: string;
  responseId: string;
  definition: Pick<SurveyDefinition, "languages">;
  customerId: string | null;
  accountManagerId: string | null;
  storeId: string | null;
  now: Date;
}

/** "NPS 3 — follow up" (or 跟进 …) in the survey's first language. */
export function followUpTitle(fired: FiredRule, language: SurveyDefinition["languages"][number]): string {
  const what =
    fired.rule.when.kind === "negative_text"
      ? phrase("negativeComment", language)
      : `${questionLabel(fired.question, language)} ${answerText(fired.question, fired.value, language)}`;
  return `${what} — ${phrase("followUp", language)}`;
}

/**
 * The follow-up task each fired rule asks for, without writing anything: openFollowUps stores them, and the demo
 * seed builds its tasks from the same inputs, so demo tasks read exactly as live ones.
 */
export function followUpTasks(fired: FiredRule[], context: FollowUpContext): FollowUpTaskInput[] {
  const language = context.definition.languages[0];
  return fired.map((item) => {
    const isForAccountManager = item.rule.assignTo === "account_manager" && context.accountManagerId !== null;
    return {
      orgId: context.orgId,
      customerId: context.customerId,
      storeId: context.storeId,
      assigneeId: isForAccountManager ? context.accountManagerId : null,
      sourceType: "survey_response",
      sourceId: context.responseId,
      surveyId: context.surveyId,
      title: truncate(followUpTitle(item, language), 200),
      detail: truncate(
        `${context.surveyName} · ${localized(item.question.title, language)}: ${answerText(item.question, item.value, language)}`,
        2000,
      ),
      dueAt: new Date(context.now.getTime() + item.rule.dueInHours * 3_600_000),
      dedupeKey: `survey_response:${context.responseId}:${item.ruleIndex}`,
    };
  });
}

/** Opens one task per fired rule (idempotent per response and rule), in the caller's transaction. */
export async function openFollowUps(db: Kysely<DB>, fired: FiredRule[], context: FollowUpContext): Promise<void> {
  for (const task of followUpTasks(fired, context)) await createFollowUpTask(db, task);
}
