import type { Kysely } from "kysely";
import type { MessageDelivery } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { presentDelivery } from "./greeting-records.ts";

/**
 * A person settles an uncertain letter (or retries a failed one): "resend" queues it again — the customer may then
 * have it twice, which is their call to make after checking the mail server log for the Message-ID; "mark_sent"
 * records that it did arrive; "dismiss" gives up on it (skipped).
 * @throws AppError message_delivery.not_found, greeting.delivery_not_settleable (409) for other statuses.
 */
export async function resolveMessageDelivery({
  db,
  actor,
  id,
  action,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  action: "resend" | "mark_sent" | "dismiss";
  now?: Date;
}): Promise<MessageDelivery> {
  const current = await db
    .selectFrom("message_deliveries")
    .select("status")
    .where("org_id", "=", actor.orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!current) throw notFound("message_delivery");
  const allowed = action === "resend" ? ["uncertain", "failed"] : ["uncertain"];
  if (!allowed.includes(current.status)) {
    throw new AppError("greeting.delivery_not_settleable", "conflict", `a ${current.status} letter cannot be changed with ${action}`);
  }
  const by = `${action} by ${actor.name}`;
  const change =
    action === "resend"
      ? { status: "pending" as const, due_at: now, attempts: 0, claim_token: null, reason: by }
      : action === "mark_sent"
        ? { status: "sent" as const, sent_at: now, reason: by }
        : { status: "skipped" as const, reason: by };
  const updated = await db
    .updateTable("message_deliveries")
    .set({ ...change, updated_at: now })
    .where("org_id", "=", actor.orgId)
    .where("id", "=", id)
    .where("status", "in", allowed as ("uncertain" | "failed")[])
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new AppError("greeting.delivery_not_settleable", "conflict", "the letter changed meanwhile; reload");
  const row = await db
    .selectFrom("message_deliveries as d")
    .innerJoin("customers as c", "c.id", "d.customer_id")
    .selectAll("d")
    .select("c.name as customer_name")
    .where("d.id", "=", id)
    .executeTakeFirstOrThrow();
  return presentDelivery(row);
}
