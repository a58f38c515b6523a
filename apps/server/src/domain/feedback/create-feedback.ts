import type { Feedback, FeedbackCreate } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { AppError, invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope } from "../auth/authorize.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findCustomer } from "../customers/customer-record.ts";
import { analyseFeedback } from "./analyse-feedback.ts";
import { resolveFilingStore } from "../stores/filing-references.ts";
import { findCustomersByContact } from "./feedback-references.ts";
import { findFeedback, presentFeedback, selectFeedback } from "./feedback-record.ts";
import { linkFeedbackToCustomer } from "./link-feedback.ts";

/** Clocks drift and time zones get mixed up; a received time further ahead than this is a mistake. */
const FUTURE_TOLERANCE_MS = 3_600_000;

/**
 * The customer named by id, or else the one customer in the actor's stores with this phone (then email).
 * @throws AppError customer.not_found for an id outside the actor's reach; customer.erased after erasure.
 */
async function resolveCustomer(db: Kysely<DB>, actor: Actor, input: z.output<typeof FeedbackCreate>) {
  if (input.customerId) {
    const customer = await findCustomer(db, actor, input.customerId);
    if (customer.erased_at) {
      throw new AppError("customer.erased", "conflict", "this customer's personal data was erased; feedback cannot be linked", "customerId");
    }
    return { id: customer.id, homeStoreId: customer.home_store_id };
  }
  if (!input.customerPhone && !input.customerEmail) return null;
  const { byPhone, byEmail } = await findCustomersByContact(db, actor, {
    phones: input.customerPhone ? [input.customerPhone] : [],
    emails: input.customerEmail ? [input.customerEmail] : [],
  });
  return [...byPhone.values()][0] ?? [...byEmail.values()][0] ?? null;
}

/**
 * Records feedback entered by staff or posted by an integration: finds the customer, files it under a store,
 * reads its sentiment and themes, and — for a known customer — puts it on their timeline and opens a follow-up
 * task when it is negative, all in one transaction. Posting the same (channel, sourceRef) again returns the item
 * already stored (`isNew` false) instead of a second copy.
 * @throws AppError invalid naming the field; customer.not_found; feedback.duplicate (conflict) when the same
 *   reference exists in a store the actor cannot see.
 */
export async function createFeedback({ db, actor, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof FeedbackCreate>;
  now?: Date;
}): Promise<{ feedback: Feedback; isNew: boolean }> {
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw invalid("feedback.received_in_future", "receivedAt is in the future", "receivedAt");
  }
  const customer = await resolveCustomer(db, actor, input);
  const storeId = await resolveFilingStore(db, actor, "feedback", input.storeId, customer?.homeStoreId ?? null);
  const analysis = analyseFeedback(input.body, input.rating ?? null, input.language);
  const sourceRef = input.sourceRef || null;
  const contact = input.authorContact || (customer ? null : (input.customerPhone ?? input.customerEmail ?? null));

  const insertedId = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("feedback")
      .values({
        org_id: actor.orgId,
        store_id: storeId,
        customer_id: customer?.id ?? null,
        channel: input.channel,
        source_ref: sourceRef,
        author_name: input.authorName || null,
        author_contact: contact,
        body: input.body,
        rating: input.rating ?? null,
        language: analysis.language,
        sentiment: analysis.sentiment,
        themes: analysis.themes,
        received_at: receivedAt,
        created_by: storedUserId(actor),
      })
      .onConflict((conflict) => conflict.columns(["org_id", "channel", "source_ref"]).where("source_ref", "is not", null).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted && customer) {
      await linkFeedbackToCustomer(
        trx,
        { id: inserted.id, orgId: actor.orgId, body: input.body, language: analysis.language, sentiment: analysis.sentiment, storeId, receivedAt, userId: storedUserId(actor) },
        customer.id,
        now,
      );
    }
    return inserted?.id;
  });

  if (insertedId) return { feedback: await presentFeedback(db, await findFeedback(db, actor, insertedId)), isNew: true };
  const existing = await selectFeedback(db, actor.orgId)
    .where("f.channel", "=", input.channel)
    .where("f.source_ref", "=", sourceRef)
    .executeTakeFirstOrThrow();
  if (!isInStoreScope(actor, existing.store_id)) {
    throw new AppError("feedback.duplicate", "conflict", "feedback with this channel and sourceRef was already recorded", "sourceRef");
  }
  return { feedback: await presentFeedback(db, existing), isNew: false };
}
