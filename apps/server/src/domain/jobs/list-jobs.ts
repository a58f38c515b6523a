/** The organisation's background jobs, newest first, with counts per status. */
import type { JobList, JobListQuery } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { presentJob } from "./present-job.ts";

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
  return {
    total: input.status ? counts[input.status] : Object.values(counts).reduce((sum, n) => sum + n, 0),
    counts,
    items: rows.map(presentJob),
  };
}
