import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

export interface FollowUpTaskInput {
  orgId: string;
  customerId: string | null;
  storeId: string | null;
  /** The customer's account manager, or null to leave the task with the store. */
  assigneeId: string | null;
  sourceType: "survey_response" | "feedback";
  sourceId: string;
  surveyId?: string | null;
  title: string;
  detail?: string | null;
  dueAt: Date;
  /** Same key, same task: a rule evaluated twice for one answer creates one task. */
  dedupeKey: string;
}

/**
 * The one way closed-loop rules create a follow-up task. Idempotent through the (org_id, dedupe_key) unique index;
 * runs inside the caller's transaction so the task exists exactly when the answer or feedback that caused it does.
 * When the task is new, it also writes a "task" interaction so it shows on the customer's timeline.
 * @returns the task id, and whether this call created it.
 */
export async function createFollowUpTask(db: Kysely<DB>, input: FollowUpTaskInput): Promise<{ id: string; isNew: boolean }> {
  const inserted = await db
    .insertInto("tasks")
    .values({
      org_id: input.orgId,
      kind: "follow_up",
      title: input.title,
      detail: input.detail ?? null,
      customer_id: input.customerId,
      store_id: input.storeId,
      assignee_id: input.assigneeId,
      source_type: input.sourceType,
      source_id: input.sourceId,
      survey_id: input.surveyId ?? null,
      dedupe_key: input.dedupeKey,
      due_at: input.dueAt,
    })
    .onConflict((conflict) => conflict.columns(["org_id", "dedupe_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) {
    const existing = await db
      .selectFrom("tasks")
      .select("id")
      .where("org_id", "=", input.orgId)
      .where("dedupe_key", "=", input.dedupeKey)
      .executeTakeFirstOrThrow();
    return { id: existing.id, isNew: false };
  }
  if (input.customerId) {
    await db
      .insertInto("interactions")
      .values({
        org_id: input.orgId,
        customer_id: input.customerId,
        store_id: input.storeId,
        user_id: null,
        kind: "task",
        summary: input.title,
        body: input.detail ?? null,
        occurred_at: sql<Date>`now()`,
      })
      .execute();
  }
  return { id: inserted.id, isNew: true };
}
