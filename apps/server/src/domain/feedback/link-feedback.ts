/**
 * What linking feedback to a known customer does, inside the caller's transaction: the feedback appears on the
 * customer's timeline (an interaction of kind "feedback"), and negative feedback opens one follow-up task for the
 * customer's account manager — or, without one, for the feedback's store. Both are idempotent: linking the same
 * item twice writes one interaction and one task.
 */
import { NEGATIVE_SENTIMENT_BELOW } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { createFollowUpTask } from "../tasks/create-follow-up-task.ts";
import { excerpt, followUpDedupeKey } from "./feedback-record.ts";

/** A day to call back an unhappy customer. */
const FOLLOW_UP_WITHIN_MS = 24 * 3_600_000;

export interface LinkedFeedback {
  id: string;
  orgId: string;
  body: string;
  language: string;
  sentiment: number;
  storeId: string | null;
  receivedAt: Date;
  /** Who entered it, or null for imports by the command line and integrations without a user. */
  userId: string | null;
}

const TITLES: Record<"zh" | "en", string> = { zh: "负面反馈 — 跟进", en: "Negative feedback — follow up" };

/** "负面反馈 — 跟进: 排队太久…" in the feedback's language (English unless it is Chinese). */
export function followUpTitle(body: string, language: string): string {
  return excerpt(`${TITLES[language.startsWith("zh") ? "zh" : "en"]}: ${excerpt(body, 60).text}`, 200).text;
}

/** When the follow-up of feedback received or linked at `at` is due. */
export const followUpDueAt = (at: Date) => new Date(at.getTime() + FOLLOW_UP_WITHIN_MS);

/** @returns the follow-up task's id when the feedback is negative. */
export async function linkFeedbackToCustomer(
  db: Kysely<DB>,
  feedback: LinkedFeedback,
  customerId: string,
  now: Date,
): Promise<{ taskId: string | null }> {
  const summary = excerpt(feedback.body, 120);
  const existing = await db
    .selectFrom("interactions")
    .select("id")
    .where("org_id", "=", feedback.orgId)
    .where("customer_id", "=", customerId)
    .where("kind", "=", "feedback")
    .where("occurred_at", "=", feedback.receivedAt)
    .where("summary", "=", summary.text)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto("interactions")
      .values({
        org_id: feedback.orgId,
        customer_id: customerId,
        store_id: feedback.storeId,
        user_id: feedback.userId,
        kind: "feedback",
        summary: summary.text,
        body: summary.isCut ? feedback.body : null,
        occurred_at: feedback.receivedAt,
      })
      .execute();
  }
  if (!(feedback.sentiment < NEGATIVE_SENTIMENT_BELOW)) return { taskId: null };
  const customer = await db
    .selectFrom("customers as c")
    .leftJoin("users as u", (join) =>
      join.onRef("u.id", "=", "c.account_manager_id").on("u.org_id", "=", feedback.orgId).on("u.disabled_at", "is", null),
    )
    .select("u.id as account_manager_id")
    .where("c.org_id", "=", feedback.orgId)
    .where("c.id", "=", customerId)
    .executeTakeFirstOrThrow();
  const task = await createFollowUpTask(db, {
    orgId: feedback.orgId,
    customerId,
    storeId: feedback.storeId,
    assigneeId: customer.account_manager_id,
    sourceType: "feedback",
    sourceId: feedback.id,
    title: followUpTitle(feedback.body, feedback.language),
    detail: excerpt(feedback.body, 2000).text,
    dueAt: followUpDueAt(now),
    dedupeKey: followUpDedupeKey(feedback.id),
  });
  return { taskId: task.id };
}
