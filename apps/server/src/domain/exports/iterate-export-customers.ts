import type { CustomerExportQuery } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";

export const EXPORT_BATCH_SIZE = 2_000;

export interface ExportCustomer {
  id: string;
  code: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  gender: "female" | "male" | "unknown";
  birthday: string | null;
  city: string | null;
  company: string | null;
  wechat: string | null;
  store_code: string | null;
  tags: string[];
  status: "active" | "archived";
  first_purchase_at: Date | null;
  last_purchase_at: Date | null;
  purchase_count: number;
  total_spent: string;
}

/**
 * The customers an export contains, in batches by id (keyset pagination: each batch is one short query, so
 * 200k customers never sit in memory and, on PGlite, other requests run between batches). Same filters as
 * the archive list, within the actor's stores; erased customers are never exported.
 */
export async function* iterateExportCustomers(
  db: Kysely<DB>,
  actor: Actor,
  filters: Omit<CustomerExportQuery, "format">,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportCustomer[]> {
  const scope = storeScope(actor);
  if (scope !== null && scope.length === 0) return;
  let after: string | undefined;
  for (;;) {
    let query = db
      .selectFrom("customers as c")
      .leftJoin("stores as s", (join) => join.onRef("s.id", "=", "c.home_store_id").onRef("s.org_id", "=", "c.org_id"))
      .select([
        "c.id", "c.code", "c.name", "c.phone", "c.email", "c.gender", "c.birthday", "c.city", "c.company", "c.wechat",
        "s.code as store_code", "c.tags", "c.status", "c.first_purchase_at", "c.last_purchase_at", "c.purchase_count",
        "c.total_spent",
      ])
      .where("c.org_id", "=", actor.orgId)
      .where("c.erased_at", "is", null)
      .orderBy("c.id")
      .limit(batchSize);
    if (after) query = query.where("c.id", ">", after);
    if (scope !== null) query = query.where("c.home_store_id", "in", scope);
    if (filters.status && filters.status !== "all") query = query.where("c.status", "=", filters.status);
    if (filters.storeId) query = query.where("c.home_store_id", "=", filters.storeId);
    if (filters.tag) query = query.where(sql<boolean>`c.tags @> array[${filters.tag}]::text[]`);
    if (filters.q) {
      const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where("c.search_text", "like", pattern);
    }
    // total_spent is numeric: text from both drivers (the schema's Generated<Numeric> hides that from the types).
    const batch: ExportCustomer[] = (await query.execute()).map((row) => ({ ...row, total_spent: String(row.total_spent) }));
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].id;
  }
}
