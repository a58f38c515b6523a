/**
 * What a survey is: pages of typed questions, each optionally tied to an indicator of a three-level indicator
 * system and to a construct of a structural model, plus closed-loop rules. A published version of this document is
 * frozen: answers always name the version they answered, so editing a live survey never changes their meaning.
 */
import { z } from "zod";
import { Locale } from "../common.ts";

/** Text in one or more of the UI languages; at least one must be present. */
export const LocalizedText = z
  .partialRecord(Locale, z.string().trim().max(2000))
  .refine((text) => Object.values(text).some((value) => value !== undefined && value.length > 0), {
    message: "give the text in at least one language",
  });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Stable machine names for questions, options, pages, indicators and constructs: answers are keyed by them. */
export const Key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "use 1–40 lower-case letters, digits or _, starting with a letter");

export const QUESTION_TYPES = [
  "likert",
  "csat",
  "nps",
  "ces",
  "expectation_perception",
  "kano",
  "importance",
  "competitor",
  "single_choice",
  "multiple_choice",
  "text",
  "matrix",
] as const;
export const QuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionType>;

/** Which wording the points of a scale carry (很不满意 … 很满意, 非常不同意 … 非常同意, …); labels live in the UI. */
export const ScaleLabels = z.enum(["satisfaction", "agreement", "importance", "quality", "likelihood", "effort"]);
export type ScaleLabels = z.infer<typeof ScaleLabels>;

export const ServqualDimensionKey = z.enum(["tangibles", "reliability", "responsiveness", "assurance", "empathy"]);

export const ChoiceOption = z.object({ key: Key, label: LocalizedText });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

/** Show the question only when an earlier answer matches; every listed condition must hold. */
export const ShowIfCondition = z.object({
  question: Key,
  operator: z.enum(["equals", "not_equals", "lte", "gte", "includes", "answered"]),
  /** A number for scales, an option key for choices; ignored by "answered". */
  value: z.union([z.number(), z.string()]).optional(),
});
export type ShowIfCondition = z.infer<typeof ShowIfCondition>;

const questionBase = {
  key: Key,
  title: LocalizedText,
  help: LocalizedText.optional(),
  required: z.boolean().default(true),
  showIf: z.array(ShowIfCondition).max(5).optional(),
  /** The level-3 indicator (a key in the survey's indicator system) this question measures. */
  indicator: Key.optional(),
  /** The construct of the survey's structural model this question is a manifest variable of. */
  construct: Key.optional(),
};

const points = z.union([z.literal(5), z.literal(7)]);

export const Question = z.discriminatedUnion("type", [
  z.object({ ...questionBase, type: z.literal("likert"), points, labels: ScaleLabels.default("satisfaction") }),
  /** Customer satisfaction, 1–5 (5 = 很满意); reported as top-2-box share. */
  z.object({ ...questionBase, type: z.literal("csat"), points: z.literal(5).default(5) }),
  /** Likelihood to recommend, 0–10. */
  z.object({ ...questionBase, type: z.literal("nps") }),
  /** Customer effort, 1–7 agreement with "… made it easy to …". */
  z.object({ ...questionBase, type: z.literal("ces"), points: z.literal(7).default(7) }),
  /** One attribute rated twice: what the customer expected and what they got (SERVQUAL, c = b/a). */
  z.object({
    ...questionBase,
    type: z.literal("expectation_perception"),
    points: points.default(7),
    servqualDimension: ServqualDimensionKey.optional(),
  }),
  /** Kano pair: how one feels if the feature is present (functional) and absent (dysfunctional), 1–5 each. */
  z.object({ ...questionBase, type: z.literal("kano"), feature: LocalizedText }),
  z.object({ ...questionBase, type: z.literal("importance"), points: points.default(5) }),
  /** The same attribute rated for us and for each competitor. */
  z.object({
    ...questionBase,
    type: z.literal("competitor"),
    points: points.default(5),
    competitors: z.array(ChoiceOption).min(1).max(8),
  }),
  z.object({
    ...questionBase,
    type: z.literal("single_choice"),
    options: z.array(ChoiceOption).min(2).max(50),
  }),
  z.object({
    ...questionBase,
    type: z.literal("multiple_choice"),
    options: z.array(ChoiceOption).min(2).max(50),
    maxSelections: z.number().int().min(1).optional(),
  }),
  z.object({
    ...questionBase,
    type: z.literal("text"),
    maxLength: z.number().int().min(1).max(5000).default(1000),
    multiline: z.boolean().default(true),
  }),
  /** Several rows rated on one scale. */
  z.object({
    ...questionBase,
    type: z.literal("matrix"),
    points,
    labels: ScaleLabels.default("satisfaction"),
    rows: z.array(ChoiceOption).min(1).max(30),
  }),
]);
export type Question = z.infer<typeof Question>;
export type QuestionInput = z.input<typeof Question>;

export const SurveyPage = z.object({
  key: Key,
  title: LocalizedText.optional(),
  questions: z.array(Question).max(100),
});
export type SurveyPage = z.infer<typeof SurveyPage>;

/** Level 1 is the survey's overall index; level 2 the dimensions; level 3 the indicators questions tie to. */
export const IndicatorSystem = z.object({
  dimensions: z
    .array(
      z.object({
        key: Key,
        title: LocalizedText,
        weight: z.number().positive().optional(),
        indicators: z
          .array(z.object({ key: Key, title: LocalizedText, weight: z.number().positive().optional() }))
          .min(1),
      }),
    )
    .min(1),
});
export type IndicatorSystem = z.infer<typeof IndicatorSystem>;

/** A PLS path model: constructs measured by the questions tied to them, and directed paths between them. */
export const StructuralModel = z.object({
  constructs: z
    .array(
      z.object({
        key: Key,
        title: LocalizedText,
        /** A = reflective (correlation weights), B = formative (regression weights). */
        mode: z.enum(["A", "B"]).default("A"),
      }),
    )
    .min(2),
  paths: z.array(z.object({ from: Key, to: Key })).min(1),
});
export type StructuralModel = z.infer<typeof StructuralModel>;

/** Closed loop: an answer that matches creates a follow-up task for the customer's account manager or store. */
export const ClosedLoopRule = z.object({
  when: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("answer"), question: Key, operator: z.enum(["lte", "gte", "equals"]), value: z.number() }),
    /** Open text whose sentiment score is below zero. */
    z.object({ kind: z.literal("negative_text"), question: Key }),
  ]),
  assignTo: z.enum(["account_manager", "store"]).default("account_manager"),
  dueInHours: z.number().int().min(1).max(24 * 30).default(48),
});
export type ClosedLoopRule = z.infer<typeof ClosedLoopRule>;

export const SurveyDefinition = z
  .object({
    title: LocalizedText,
    intro: LocalizedText.optional(),
    thanks: LocalizedText.optional(),
    languages: z.array(Locale).min(1),
    /** Anonymous surveys never link an answer to a customer, even through an invitation. */
    isAnonymous: z.boolean().default(false),
    pages: z.array(SurveyPage).min(1).max(30),
    indicatorSystem: IndicatorSystem.optional(),
    model: StructuralModel.optional(),
    closedLoop: z.array(ClosedLoopRule).max(10).default([]),
  })
  .superRefine((definition, context) => checkReferences(definition, context));
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;
export type SurveyDefinitionInput = z.input<typeof SurveyDefinition>;

/** Every question key unique; show-if, indicator, construct and rule references point at things that exist. */
function checkReferences(definition: SurveyDefinition, context: z.RefinementCtx): void {
  const seen = new Map<string, Question>();
  const indicators = new Set(definition.indicatorSystem?.dimensions.flatMap((d) => d.indicators.map((i) => i.key)));
  const constructs = new Set(definition.model?.constructs.map((c) => c.key));
  definition.pages.forEach((page, pageIndex) => {
    page.questions.forEach((question, questionIndex) => {
      const path = ["pages", pageIndex, "questions", questionIndex];
      if (seen.has(question.key)) {
        context.addIssue({ code: "custom", path: [...path, "key"], message: `question key ${question.key} is used twice` });
      }
      for (const [conditionIndex, condition] of (question.showIf ?? []).entries()) {
        if (!seen.has(condition.question)) {
          context.addIssue({
            code: "custom",
            path: [...path, "showIf", conditionIndex, "question"],
            message: `show-if must refer to an earlier question; ${condition.question} is not one`,
          });
        }
      }
      if (question.indicator && !indicators.has(question.indicator)) {
        context.addIssue({ code: "custom", path: [...path, "indicator"], message: `no indicator ${question.indicator}` });
      }
      if (question.construct && !constructs.has(question.construct)) {
        context.addIssue({ code: "custom", path: [...path, "construct"], message: `no construct ${question.construct}` });
      }
      seen.set(question.key, question);
    });
  });
  for (const [index, path] of (definition.model?.paths ?? []).entries()) {
    for (const end of ["from", "to"] as const) {
      if (!constructs.has(path[end])) {
        context.addIssue({ code: "custom", path: ["model", "paths", index, end], message: `no construct ${path[end]}` });
      }
    }
  }
  for (const [index, rule] of definition.closedLoop.entries()) {
    if (!seen.has(rule.when.question)) {
      context.addIssue({
        code: "custom",
        path: ["closedLoop", index, "when", "question"],
        message: `no question ${rule.when.question}`,
      });
    }
  }
}

/** Every question of a definition in order, with the page it is on. */
export function listQuestions(definition: Pick<SurveyDefinition, "pages">): Question[] {
  return definition.pages.flatMap((page) => page.questions);
}
