import type { Kysely } from "kysely";
import type { Customer } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { findCustomer, presentCustomer } from "./customer-record.ts";

/**
 * Moves a customer out of the working archive: hidden from the default list, kept with its history.
 * It is the soft form of deleting, so the route asks for customer.delete, which agents lack. Audited.
 * @throws AppError customer.not_found outside the actor's organisation or stores.
 */
export async function archiveCustomer({
  db,
  actor,
  id,
  status = "archived",
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  /** "active" restores an archived customer; see restore-customer.ts. */
  status?: "archived" | "active";
}): Promise<Customer> {
  const current = await findCustomer(db, actor, id);
  if (current.status !== status) {
    await db
      .updateTable("customers")
      .set({ status, updated_at: new Date() })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .execute();
    await recordAudit(db, {
      actor,
      action: status === "archived" ? "customer.archive" : "customer.restore",
      targetType: "customer",
      targetId: id,
      details: { status },
    });
  }
  return presentCustomer(await findCustomer(db, actor, id));
}
