import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { excerpt } from "../feedback/feedback-record.ts";

/**
 * Puts a step of a complaint on the customer's timeline (an interaction of kind "complaint"): filing, resolution
 * and closing. The summary starts with the ticket number, so the timeline links it to its ticket.
 */
export async function addComplaintToTimeline(
  db: Kysely<DB>,
  entry: { orgId: string; customerId: string | null; storeId: string | null; userId: string | null; number: string; text: string; at: Date },
): Promise<void> {
  if (!entry.customerId) return;
  const summary = excerpt(`${entry.number}: ${entry.text}`, 200);
  await db
    .insertInto("interactions")
    .values({
      org_id: entry.orgId,
      customer_id: entry.customerId,
      store_id: entry.storeId,
      user_id: entry.userId,
      kind: "complaint",
      summary: summary.text,
      body: summary.isCut ? entry.text : null,
      occurred_at: entry.at,
    })
    .execute();
}
