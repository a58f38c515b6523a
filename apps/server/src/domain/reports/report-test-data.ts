/**
 * Test data for reports (imported by tests only): answers written straight into survey_responses in batches, as
 * the answering side stores them after validation, with whatever store, staff, channel, language, customer and
 * date a test needs.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { SurveyDefinitionInput } from "@kexin/contracts";
import type { DB, ResponseChannel } from "../../db/schema.ts";

export interface TestAnswer {
  answers: Record<string, unknown>;
  version?: number;
  storeId?: string | null;
  staffId?: string | null;
  customerId?: string | null;
  channel?: ResponseChannel;
  language?: "zh-CN" | "en" | "zh-TW";
  submittedAt?: Date;
}

/** Inserts answers to one survey, 200 rows per statement. */
export async function insertAnswers(db: Kysely<DB>, orgId: string, surveyId: string, answers: readonly TestAnswer[]): Promise<void> {
  for (let start = 0; start < answers.length; start += 200) {
    await db
      .insertInto("survey_responses")
      .values(
        answers.slice(start, start + 200).map((answer) => ({
          org_id: orgId,
          survey_id: surveyId,
          version: answer.version ?? 1,
          answers: JSON.stringify(answer.answers),
          store_id: answer.storeId ?? null,
          staff_id: answer.staffId ?? null,
          customer_id: answer.customerId ?? null,
          channel: answer.channel ?? "link",
          language: answer.language ?? "zh-CN",
          submission_key: randomUUID(),
          submitted_at: answer.submittedAt ?? new Date(),
        })),
      )
      .execute();
  }
}

/** A saved, unsubmitted answer (survey_drafts), as the respondent page leaves it. */
export async function insertDraft(
  db: Kysely<DB>,
  orgId: string,
  surveyId: string,
  draft: { version?: number; pageIndex: number; answers: Record<string, unknown>; updatedAt?: Date },
): Promise<void> {
  await db
    .insertInto("survey_drafts")
    .values({
      key_hash: randomUUID(),
      org_id: orgId,
      survey_id: surveyId,
      version: draft.version ?? 1,
      page_index: draft.pageIndex,
      answers: JSON.stringify(draft.answers),
      ...(draft.updatedAt && { updated_at: draft.updatedAt }),
    })
    .execute();
}

/** Picks one of the values with a seeded generator. */
export const pick = <T,>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)];

const t = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** A store-experience survey with one question of every kind. */
export const OVERVIEW_DEFINITION = {
  title: t("门店体验", "Store experience"),
  languages: ["zh-CN", "en"],
  pages: [
    {
      key: "first",
      questions: [
        { key: "overall", type: "csat", title: t("总体满意度", "Overall satisfaction") },
        { key: "recommend", type: "nps", title: t("推荐意愿", "Recommend") },
        { key: "effort", type: "ces", title: t("办理容易", "Easy to handle") },
        { key: "staff", type: "likert", points: 5, title: t("员工服务", "Staff") },
        {
          key: "visit",
          type: "single_choice",
          title: t("来店频率", "Visits"),
          options: [
            { key: "first", label: t("第一次", "First time") },
            { key: "regular", label: t("经常", "Regularly") },
          ],
        },
        {
          key: "reasons",
          type: "multiple_choice",
          required: false,
          title: t("选择原因", "Reasons"),
          options: [
            { key: "price", label: t("价格", "Price") },
            { key: "near", label: t("距离近", "Nearby") },
            { key: "quality", label: t("质量", "Quality") },
          ],
        },
      ],
    },
    {
      key: "second",
      questions: [
        {
          key: "aspects",
          type: "matrix",
          points: 5,
          title: t("各方面", "Aspects"),
          rows: [
            { key: "clean", label: t("整洁", "Clean") },
            { key: "fast", label: t("快捷", "Fast") },
          ],
        },
        { key: "versus", type: "competitor", points: 5, title: t("与对手比", "Versus"), competitors: [{ key: "rival", label: t("对手", "Rival") }] },
        { key: "reliable", type: "expectation_perception", points: 7, title: t("可靠", "Reliable") },
        { key: "wifi", type: "kano", title: t("无线网络", "Wi-Fi"), feature: t("免费无线网络", "Free Wi-Fi") },
        { key: "comment", type: "text", required: false, title: t("意见", "Comments") },
      ],
    },
  ],
} satisfies SurveyDefinitionInput;
