import type { Kysely } from "kysely";
import type { InteractionCreate, TimelineEvent } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findCustomer } from "./customer-record.ts";
import { presentTimelineEvent } from "./timeline-event.ts";

/**
 * Records a call, visit, message or note on the customer's timeline, by the actor, at the customer's home store.
 * @throws AppError customer.not_found outside the actor's scope; customer.erased after erasure.
 */
export async function addInteraction({
  db,
  actor,
  id,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof InteractionCreate>;
}): Promise<TimelineEvent> {
  const customer = await findCustomer(db, actor, id);
  if (customer.erased_at) {
    throw new AppError("customer.erased", "conflict", "this customer's personal data was erased; nothing more can be recorded");
  }
  const row = await db
    .insertInto("interactions")
    .values({
      org_id: actor.orgId,
      customer_id: id,
      store_id: customer.home_store_id,
      user_id: storedUserId(actor),
      kind: input.kind,
      summary: input.summary,
      body: input.body || null,
      ...(input.occurredAt && { occurred_at: input.occurredAt }),
    })
    .returning(["id", "kind", "occurred_at", "summary", "body"])
    .executeTakeFirstOrThrow();
  return presentTimelineEvent({
    ...row,
    amount: null,
    item_count: null,
    store_name: customer.home_store_name,
    actor_name: actor.name,
  });
}
