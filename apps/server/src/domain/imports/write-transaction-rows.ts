import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { refreshPurchaseStats } from "../customers/refresh-purchase-stats.ts";
import { chunks } from "./find-import-references.ts";
import type { TransactionImportRow } from "./validate-transaction-rows.ts";
import { WRITE_BATCH_SIZE } from "./write-customer-rows.ts";

/**
 * Inserts transactions, leaving alone any whose order number the organisation already has (so a file imported
 * twice, or two overlapping files, never double a purchase), then refreshes the purchase figures of every
 * customer who got one. Run it inside the import's transaction.
 */
export async function writeTransactionRows(
  db: Kysely<DB>,
  orgId: string,
  rows: TransactionImportRow[],
  onProgress?: (written: number) => void,
): Promise<{ created: number; skipped: number }> {
  const customerIds = new Set<string>();
  let written = 0;
  for (const batch of chunks(rows, WRITE_BATCH_SIZE)) {
    const inserted = await db
      .insertInto("transactions")
      .values(
        batch.map((row) => ({
          org_id: orgId,
          customer_id: row.customerId,
          store_id: row.storeId,
          external_id: row.externalId,
          occurred_at: row.occurredAt,
          amount: row.amount,
          cost: row.cost,
          channel: row.channel,
        })),
      )
      .onConflict((conflict) => conflict.columns(["org_id", "external_id"]).where("external_id", "is not", null).doNothing())
      .returning("customer_id")
      .execute();
    for (const row of inserted) customerIds.add(row.customer_id);
    written += inserted.length;
    onProgress?.(written);
  }
  for (const ids of chunks([...customerIds])) await refreshPurchaseStats(db, orgId, ids);
  return { created: written, skipped: rows.length - written };
}
