/**
 * One background job, for whoever asked for it to be done: "recompute now" answers with a job and the value page
 * polls it here until it is done. Each kind is readable with the permission of the page it serves; any other kind
 * only by those who see the jobs list (audit.read).
 */
import type { JobEntry } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { can, type Permission } from "../auth/authorize.ts";
import { RECOMPUTE_VALUES_JOB } from "../value/value-jobs.ts";
import { presentJob } from "./present-job.ts";

const READ_PERMISSION: Readonly<Record<string, Permission>> = { [RECOMPUTE_VALUES_JOB]: "value.read" };

/** @throws AppError job.not_found (404) for another organisation's job, or one of a kind the actor may not read. */
export async function getJob({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<JobEntry> {
  const row = await db.selectFrom("jobs").selectAll().where("org_id", "=", actor.orgId).where("id", "=", id).executeTakeFirst();
  if (!row || !can(actor, READ_PERMISSION[row.kind] ?? "audit.read")) throw new AppError("job.not_found", "not_found", "no such job");
  return presentJob(row);
}
