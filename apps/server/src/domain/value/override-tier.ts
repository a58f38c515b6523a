/**
 * Setting a customer's tier by hand (with a reason) and clearing it again. The tier in force becomes the override,
 * or back to the computed tier; each change of the tier in force is a manual tier change on the timeline, and each
 * act (with its from→to and reason) an entry in the audit log.
 */
import type { CustomerTier, CustomerValue, TierOverrideInput } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findCustomer } from "../customers/customer-record.ts";
import { getCustomerValue } from "./get-customer-value.ts";
import { inTransaction } from "./in-transaction.ts";

/** @throws AppError customer.not_found outside the actor's organisation or stores. */
export async function setTierOverride({
  db,
  actor,
  customerId,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  customerId: string;
  input: TierOverrideInput;
  now?: Date;
}): Promise<CustomerValue> {
  await findCustomer(db, actor, customerId);
  await changeTier(db, actor, customerId, now, { override: input.tier, reason: input.reason });
  return getCustomerValue({ db, actor, customerId });
}

/** Clears the override: the computed tier is in force again. @throws AppError customer.not_found. */
export async function clearTierOverride({
  db,
  actor,
  customerId,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  customerId: string;
  now?: Date;
}): Promise<CustomerValue> {
  await findCustomer(db, actor, customerId);
  await changeTier(db, actor, customerId, now, { override: null, reason: null });
  return getCustomerValue({ db, actor, customerId });
}

async function changeTier(
  db: Kysely<DB>,
  actor: Actor,
  customerId: string,
  now: Date,
  { override, reason }: { override: CustomerTier | null; reason: string | null },
): Promise<void> {
  const userId = storedUserId(actor);
  await inTransaction(db, async (trx) => {
    // A customer added since the last recompute has no row yet: give it one (no figures, no computed tier).
    await trx
      .insertInto("customer_values")
      .values({ customer_id: customerId, org_id: actor.orgId, computed_at: now })
      .onConflict((conflict) => conflict.column("customer_id").doNothing())
      .execute();
    const before = await trx
      .selectFrom("customer_values")
      .select(["tier", "computed_tier", "tier_override"])
      .where("customer_id", "=", customerId)
      .where("org_id", "=", actor.orgId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (override === null && before.tier_override === null) return;
    const tier = override ?? before.computed_tier;
    await trx
      .updateTable("customer_values")
      .set({
        tier_override: override,
        override_reason: reason,
        override_by: override ? userId : null,
        override_at: override ? now : null,
        tier,
      })
      .where("customer_id", "=", customerId)
      .where("org_id", "=", actor.orgId)
      .execute();
    // Every manual act is recorded, even one that pins the tier already in force: its reason is the point.
    await trx
      .insertInto("tier_changes")
      .values({
        org_id: actor.orgId,
        customer_id: customerId,
        from_tier: before.tier,
        to_tier: tier,
        source: "manual",
        reason,
        changed_by: userId,
        changed_at: now,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: "tier.override",
      targetType: "customer",
      targetId: customerId,
      details: { from: before.tier, to: tier, reason, cleared: override === null },
    });
  });
}
