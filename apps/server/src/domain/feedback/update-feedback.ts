import type { Feedback, FeedbackUpdate } from "@kexin/contracts";
import { sql, type Kysely, type Updateable } from "kysely";
import type { z } from "zod";
import type { DB, FeedbackTable } from "../../db/schema.ts";
import { AppError, invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findCustomer } from "../customers/customer-record.ts";
import { checkFilingAssignee, checkFilingStore } from "../stores/filing-references.ts";
import { findFeedback, presentFeedback, roundScore } from "./feedback-record.ts";
import { linkFeedbackToCustomer } from "./link-feedback.ts";

/**
 * Works an item: its status, who handles it, its store and the customer it is from. Only the fields sent change.
 * Linking a customer puts the feedback on their timeline and, if it is negative, opens the follow-up (once).
 * @throws AppError feedback.not_found outside the actor's reach; invalid naming the field for a store or assignee
 *   that does not fit; customer.not_found / customer.erased for the customer.
 */
export async function updateFeedback({ db, actor, id, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof FeedbackUpdate>;
  now?: Date;
}): Promise<Feedback> {
  const current = await findFeedback(db, actor, id);
  const changes: Updateable<FeedbackTable> = {};
  if (input.status !== undefined) changes.status = input.status;

  let storeId = current.store_id;
  if (input.storeId !== undefined) {
    if (input.storeId === null && storeScope(actor) !== null) {
      throw invalid("feedback.store_required", "storeId: feedback must stay in one of your stores", "storeId");
    }
    if (input.storeId) await checkFilingStore(db, actor, "feedback", input.storeId);
    storeId = input.storeId;
    changes.store_id = storeId;
  }
  if (input.assigneeId !== undefined) {
    if (input.assigneeId) await checkFilingAssignee(db, actor.orgId, "feedback", input.assigneeId, storeId);
    changes.assignee_id = input.assigneeId;
  }
  let linkedCustomerId: string | null = null;
  if (input.customerId !== undefined && input.customerId !== current.customer_id) {
    if (input.customerId) {
      const customer = await findCustomer(db, actor, input.customerId);
      if (customer.erased_at) {
        throw new AppError("customer.erased", "conflict", "this customer's personal data was erased; feedback cannot be linked", "customerId");
      }
      linkedCustomerId = customer.id;
    }
    changes.customer_id = input.customerId;
  }
  if (Object.keys(changes).length === 0) return presentFeedback(db, current);

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("feedback")
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .execute();
    if (linkedCustomerId) {
      const feedback = {
        id, orgId: actor.orgId, body: current.body, language: current.language, sentiment: roundScore(current.sentiment), storeId,
        receivedAt: current.received_at, userId: storedUserId(actor),
      };
      await linkFeedbackToCustomer(trx, feedback, linkedCustomerId, now);
    }
  });
  return presentFeedback(db, await findFeedback(db, actor, id));
}
