import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";

/** Runs `work` in a transaction, or in the caller's when `db` is one already (the demo seed runs inside its own). */
export function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB> | Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
