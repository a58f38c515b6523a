/**
 * The scheduler's tick: enqueues every periodic kind for every organisation for the current period, one statement
 * per kind. The unique (org, kind, key) makes it safe for any number of processes to tick at once: each period's
 * job exists once. Also forgets finished jobs after 30 days.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { JobDefinition } from "./job-definition.ts";
import { periodKey } from "./period-key.ts";

const KEEP_FINISHED_DAYS = 30;

export async function schedulePeriodicJobs(db: Kysely<DB>, definitions: readonly JobDefinition[], now: Date): Promise<number> {
  let enqueued = 0;
  for (const definition of definitions) {
    if (!definition.every) continue;
    const key = periodKey(definition.every, now);
    const result = await sql`
      insert into jobs (org_id, kind, key, run_at)
      select id, ${definition.kind}, ${key}, ${now} from orgs
      on conflict (org_id, kind, key) do nothing`.execute(db);
    enqueued += Number(result.numAffectedRows ?? 0);
  }
  await db
    .deleteFrom("jobs")
    .where("status", "in", ["done", "failed"])
    .where("finished_at", "<", new Date(now.getTime() - KEEP_FINISHED_DAYS * 86_400_000))
    .execute();
  return enqueued;
}
