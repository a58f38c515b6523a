import { sql, type Kysely } from "kysely";
import type { DeliveryList, DeliveryListQuery } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { presentDelivery } from "./greeting-records.ts";

/**
 * Letters, newest activity first, with counts by status. Store-bound staff see only their stores' customers'
 * letters (by the customer's home store).
 */
export async function listMessageDeliveries({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof DeliveryListQuery>;
}): Promise<DeliveryList> {
  const scope = storeScope(actor);
  let base = db
    .selectFrom("message_deliveries as d")
    .innerJoin("customers as c", (join) => join.onRef("c.id", "=", "d.customer_id").onRef("c.org_id", "=", "d.org_id"))
    .where("d.org_id", "=", actor.orgId);
  if (scope !== null) base = base.where("c.home_store_id", "in", scope.length > 0 ? scope : ["00000000-0000-0000-0000-000000000000"]);
  if (input.customerId) base = base.where("d.customer_id", "=", input.customerId);
  if (input.campaignId) base = base.where("d.campaign_id", "=", input.campaignId);
  const counts = await base.select(["d.status", sql<string>`count(*)`.as("count")]).groupBy("d.status").execute();
  let rows = base.selectAll("d").select("c.name as customer_name");
  if (input.status) rows = rows.where("d.status", "=", input.status);
  const items = await rows
    .orderBy("d.updated_at", "desc")
    .orderBy("d.id", "desc")
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const countsByStatus = Object.fromEntries(counts.map((row) => [row.status, Number(row.count)]));
  const total = input.status ? (countsByStatus[input.status] ?? 0) : Object.values(countsByStatus).reduce((sum, n) => sum + n, 0);
  return { items: items.map(presentDelivery), total, countsByStatus };
}
