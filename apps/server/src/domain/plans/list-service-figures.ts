import type { ServiceFigureList } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findCustomer, toIso } from "../customers/customer-record.ts";

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

/**
 * A B2B customer's service figures (on-time delivery and inspection pass rate, percent), oldest first, for the
 * trend on the customer page: the last `limit` records.
 * @throws AppError customer.not_found outside the actor's organisation or stores.
 */
export async function listServiceFigures({
  db,
  actor,
  customerId,
  limit = 120,
}: {
  db: Kysely<DB>;
  actor: Actor;
  customerId: string;
  limit?: number;
}): Promise<ServiceFigureList> {
  await findCustomer(db, actor, customerId);
  const rows = await db
    .selectFrom("service_figures as f")
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "f.recorded_by").on("u.org_id", "=", actor.orgId))
    .select(["f.id", "f.task_id", "f.on_time_delivery_rate", "f.inspection_pass_rate", "f.recorded_at", "u.name as recorded_by_name"])
    .where("f.org_id", "=", actor.orgId)
    .where("f.customer_id", "=", customerId)
    .orderBy("f.recorded_at", "desc")
    .orderBy("f.id", "desc")
    .limit(limit)
    .execute();
  return {
    items: rows.reverse().map((row) => ({
      id: row.id,
      taskId: row.task_id,
      onTimeDeliveryRate: toNumber(row.on_time_delivery_rate),
      inspectionPassRate: toNumber(row.inspection_pass_rate),
      recordedAt: toIso(row.recorded_at)!,
      recordedByName: row.recorded_by_name,
    })),
  };
}
