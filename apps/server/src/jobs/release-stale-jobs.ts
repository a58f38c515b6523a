/**
 * On the embedded database one process owns the data, so at start-up any job still marked running belongs to a
 * process that is gone: release its lease now instead of waiting for it to run out.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

export async function releaseStaleJobs(db: Kysely<DB>, now = new Date()): Promise<number> {
  const result = await db
    .updateTable("jobs")
    .set({ locked_until: now })
    .where("status", "=", "running")
    .where("locked_until", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
