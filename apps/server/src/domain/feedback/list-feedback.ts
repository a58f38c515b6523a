import type { FeedbackList, FeedbackListQuery } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { feedbackConditions } from "./feedback-filters.ts";
import { presentFeedbackListItem, selectFeedback } from "./feedback-record.ts";

/**
 * One page of the inbox, newest first (ties by id, so pages never overlap), with the total for paging. Store
 * managers and agents see only their stores' feedback; items without a store only organisation-wide roles see.
 * Cost: one indexed page query and one count with the same conditions.
 */
export async function listFeedback({ db, actor, input }: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof FeedbackListQuery>;
}): Promise<FeedbackList> {
  const conditions = feedbackConditions(actor, input);
  if (!conditions) return { items: [], total: 0 };
  const [rows, count] = await Promise.all([
    selectFeedback(db, actor.orgId)
      .where(conditions)
      .orderBy("f.received_at", "desc")
      .orderBy("f.id", "desc")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    db.selectFrom("feedback as f").select(sql<string>`count(*)`.as("total")).where(conditions).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentFeedbackListItem), total: Number(count.total) };
}
