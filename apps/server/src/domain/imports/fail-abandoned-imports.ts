import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

/** How long a running import may go without a heartbeat before it counts as abandoned. */
export const IMPORT_HEARTBEAT_SECONDS = 2;
export const ABANDONED_AFTER_SECONDS = 60;

export const ABANDONED_MESSAGE = "Kexin stopped while this import was running; nothing was imported. Import the file again.";

/**
 * Marks imports left "running" by a process that died as failed. Nothing of theirs was written: an import is
 * one transaction, and a dead connection's transaction is rolled back. Call at boot; with embedded PGlite
 * (one process only) every running job is abandoned, so pass 0.
 * @returns how many jobs were marked.
 */
export async function failAbandonedImports(db: Kysely<DB>, { staleAfterSeconds = ABANDONED_AFTER_SECONDS } = {}): Promise<number> {
  const result = await db
    .updateTable("import_jobs")
    .set({ status: "failed", message: ABANDONED_MESSAGE, finished_at: sql`now()` })
    .where("status", "=", "running")
    .where(sql<boolean>`heartbeat_at <= now() - make_interval(secs => ${staleAfterSeconds})`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
