/**
 * "Recompute now": puts a value.recompute job on the queue for the worker rather than recomputing every customer
 * (200,000 in a large organisation) inside the HTTP request. While a recompute is queued or running (asked for on
 * demand or the nightly one) a second click gets that job back instead of another.
 */
import type { JobRequested } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { presentJob } from "../jobs/present-job.ts";
import { inTransaction } from "./in-transaction.ts";
import { RECOMPUTE_VALUES_JOB } from "./value-jobs.ts";

const ON_DEMAND = "on-demand:";

/**
 * Returns the recompute job to poll (GET /api/jobs/:id): the one queued or running, brought forward to now if it
 * was waiting out a retry's back-off, or a new one. A new job's key names the last on-demand job before it, so two
 * clicks at the same moment compute the same key and the unique (org, kind, key) lets only one job in; once that
 * job has finished, the next click's key is new. A new request is audited (value.recompute).
 */
export async function requestValueRecompute({ db, actor, now = new Date() }: { db: Kysely<DB>; actor: Actor; now?: Date }): Promise<JobRequested> {
  // One statement, so one snapshot: a job another click enqueued a moment ago is either seen as pending here, or not
  // yet seen at all (and then both clicks compute the same key below) — never seen as "previous" only.
  const { rows } = await sql<{ pending_id: string | null; previous_id: string | null }>`
    select
      (select id from jobs where org_id = ${actor.orgId} and kind = ${RECOMPUTE_VALUES_JOB}
         and status in ('queued', 'running') order by created_at limit 1) as pending_id,
      (select id from jobs where org_id = ${actor.orgId} and kind = ${RECOMPUTE_VALUES_JOB}
         and key like ${`${ON_DEMAND}%`} order by created_at desc, id desc limit 1) as previous_id
  `.execute(db);
  const { pending_id: pendingId, previous_id: previousId } = rows[0];
  if (pendingId) {
    await db.updateTable("jobs").set({ run_at: now }).where("id", "=", pendingId).where("status", "=", "queued").where("run_at", ">", now).execute();
    return { job: await loadJob(db, pendingId), isNew: false };
  }
  const enqueued = await inTransaction(db, async (trx) => {
    const job = await enqueueJob(trx, {
      orgId: actor.orgId,
      kind: RECOMPUTE_VALUES_JOB,
      key: `${ON_DEMAND}after:${previousId ?? "none"}`,
      payload: { requestedBy: storedUserId(actor) },
      runAt: now,
    });
    if (job.isNew) {
      await recordAudit(trx, { actor, action: "value.recompute", targetType: "job", targetId: job.id, details: { kind: RECOMPUTE_VALUES_JOB } });
    }
    return job;
  });
  return { job: await loadJob(db, enqueued.id), isNew: enqueued.isNew };
}

async function loadJob(db: Kysely<DB>, id: string) {
  return presentJob(await db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
}
