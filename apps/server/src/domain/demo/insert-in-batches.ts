import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

/**
 * Inserts rows a batch at a time: one statement per batch keeps round trips few, and the batch size keeps the
 * parameter count (rows × columns) under PostgreSQL's limit of 65,535.
 */
export async function insertInBatches<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
  batchSize = 1000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    // The generic table defeats Kysely's per-table overloads; the rows were typed by the caller.
    await db
      .insertInto(table)
      .values(rows.slice(start, start + batchSize) as never)
      .execute();
  }
}
