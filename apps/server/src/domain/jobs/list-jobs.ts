/** The organisation's background jobs, newest first, with counts per status. */
import type { JobList, JobListQuery } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";

export async function listJobs({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof JobListQuery>;
}): Promise<JobList> {
  let filtered = db.selectFrom("jobs").where("org_id", "=", actor.orgId);
  if (input.status) filtered = filtered.where("status", "=", input.status);
  const [rows, perStatus] = await Promise.all([
    filtered
      .selectAll()
      .orderBy("run_at", "desc")
      .orderBy("id")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    db
      .selectFrom("jobs")
      .where("org_id", "=", actor.orgId)
      .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("status")
      .execute(),
  ]);
  const counts = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const row of perStatus) counts[row.status] = Number(row.n);
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return {
    total: input.status ? counts[input.status] : Object.values(counts).reduce((sum, n) => sum + n, 0),
    counts,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      key: row.key,
      status: row.status,
      runAt: new Date(row.run_at).toISOString(),
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      lastError: row.last_error,
      result: typeof row.result === "string" ? (JSON.parse(row.result) as Record<string, unknown>) : row.result,
      startedAt: iso(row.started_at),
      finishedAt: iso(row.finished_at),
    })),
  };
}
