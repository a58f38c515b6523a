import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { chunks } from "./find-import-references.ts";
import type { CustomerImportRow, CustomerValues } from "./validate-customer-rows.ts";

/** Rows per INSERT: 1,000 rows × 12 columns stays far below PostgreSQL's 65,535 parameters. */
export const WRITE_BATCH_SIZE = 1_000;

/**
 * Inserts customers, or updates the one with the same code: only the columns the file maps are overwritten.
 * Run it inside the import's transaction. `onProgress` gets the number of rows written so far.
 */
export async function writeCustomerRows(
  db: Kysely<DB>,
  orgId: string,
  rows: CustomerImportRow[],
  onProgress?: (written: number) => void,
): Promise<{ created: number; updated: number }> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const columns = Object.keys(rows[0].values) as (keyof CustomerValues)[];
  const updates = Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)]));
  let created = 0;
  let written = 0;
  for (const batch of chunks(rows, WRITE_BATCH_SIZE)) {
    const result = await db
      .insertInto("customers")
      .values(batch.map((row) => ({ org_id: orgId, code: row.code, ...row.values })))
      .onConflict((conflict) =>
        conflict
          .columns(["org_id", "code"])
          .where("code", "is not", null)
          .doUpdateSet({ ...updates, updated_at: sql`now()` }),
      )
      // xmax is 0 on a freshly inserted row version and set on an updated one: the cheap way to tell them apart.
      .returning(sql<boolean>`xmax = 0`.as("inserted"))
      .execute();
    created += result.filter((row) => row.inserted).length;
    written += batch.length;
    onProgress?.(written);
  }
  return { created, updated: rows.length - created };
}
