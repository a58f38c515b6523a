/**
 * Claims the next due job and runs it. The claim is one UPDATE over a row picked with FOR UPDATE SKIP LOCKED, so two
 * workers never take the same row; a running job keeps its lease alive with a heartbeat, and a job whose worker died
 * (lease run out) is claimed again — its `run` must tolerate that. A failure is retried with back-off until
 * `max_attempts`, then the job is marked failed with the error.
 */
import { sql, type Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { DB } from "../db/schema.ts";
import type { Mailer } from "../domain/mail/mailer.ts";
import type { JobDefinition, JobLog } from "./job-definition.ts";

export interface WorkerDependencies {
  db: Kysely<DB>;
  config: Config;
  mailer: Mailer;
  log: JobLog;
  definitions: readonly JobDefinition[];
  workerId: string;
  /** How long a claim holds before another worker may take the job over; the heartbeat renews it. */
  leaseMs: number;
  clock: () => Date;
}

export interface JobOutcome {
  id: string;
  kind: string;
  orgId: string;
  key: string;
  status: "done" | "queued" | "failed";
  error?: string;
}

interface ClaimedRow {
  id: string;
  org_id: string;
  kind: string;
  key: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  max_attempts: number;
}

const MAX_BACKOFF_MS = 60 * 60_000;

function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), MAX_BACKOFF_MS);
}

async function claimNextJob(deps: WorkerDependencies, now: Date): Promise<ClaimedRow | undefined> {
  const kinds = deps.definitions.map((definition) => definition.kind);
  if (kinds.length === 0) return undefined;
  const lockedUntil = new Date(now.getTime() + deps.leaseMs);
  const result = await sql<ClaimedRow>`
    update jobs set status = 'running', attempts = attempts + 1, locked_by = ${deps.workerId},
      locked_until = ${lockedUntil}, started_at = ${now}
    where id = (
      select id from jobs
      where run_at <= ${now}
        and (status = 'queued' or (status = 'running' and locked_until < ${now}))
        and kind in (${sql.join(kinds)})
      order by run_at
      limit 1
      for update skip locked)
    returning id, org_id, kind, key, payload, attempts, max_attempts`.execute(deps.db);
  return result.rows[0];
}

async function finish(
  deps: WorkerDependencies,
  job: ClaimedRow,
  values: { status: "done" | "queued" | "failed"; result?: Record<string, unknown> | null; error?: string; runAt?: Date },
): Promise<void> {
  await deps.db
    .updateTable("jobs")
    .set({
      status: values.status,
      locked_by: null,
      locked_until: null,
      last_error: values.error ?? null,
      ...(values.result !== undefined && { result: JSON.stringify(values.result) }),
      ...(values.runAt && { run_at: values.runAt }),
      ...(values.status !== "queued" && { finished_at: deps.clock() }),
    })
    .where("id", "=", job.id)
    .where("locked_by", "=", deps.workerId)
    .execute();
}

/** Runs one due job, if there is one; undefined when nothing is due. */
export async function runNextJob(deps: WorkerDependencies): Promise<JobOutcome | undefined> {
  const now = deps.clock();
  const job = await claimNextJob(deps, now);
  if (!job) return undefined;
  const outcome = (status: JobOutcome["status"], error?: string): JobOutcome => ({
    id: job.id,
    kind: job.kind,
    orgId: job.org_id,
    key: job.key,
    status,
    ...(error !== undefined && { error }),
  });
  const definition = deps.definitions.find((candidate) => candidate.kind === job.kind);
  if (!definition) return outcome("queued"); // claimKinds only lists known kinds; unreachable, kept for the type
  if (job.attempts > job.max_attempts) {
    const error = `gave up after ${job.max_attempts} attempts (the last worker stopped without finishing)`;
    await finish(deps, job, { status: "failed", error });
    return outcome("failed", error);
  }

  const heartbeat = setInterval(() => {
    void deps.db
      .updateTable("jobs")
      .set({ locked_until: new Date(deps.clock().getTime() + deps.leaseMs) })
      .where("id", "=", job.id)
      .where("locked_by", "=", deps.workerId)
      .execute()
      .catch((error: unknown) => deps.log.error({ err: error, jobId: job.id }, "job heartbeat failed"));
  }, Math.max(1_000, deps.leaseMs / 3));
  heartbeat.unref();
  try {
    const result = await definition.run({
      db: deps.db,
      config: deps.config,
      mailer: deps.mailer,
      log: deps.log,
      orgId: job.org_id,
      key: job.key,
      payload: typeof job.payload === "string" ? (JSON.parse(job.payload) as Record<string, unknown>) : job.payload,
      now,
      deadline: new Date(now.getTime() + deps.leaseMs * 0.8),
    });
    clearInterval(heartbeat);
    await finish(deps, job, { status: "done", result: result ?? null });
    return outcome("done");
  } catch (error) {
    clearInterval(heartbeat);
    const message = (error as Error)?.message ?? String(error);
    deps.log.error({ err: error, jobId: job.id, kind: job.kind, attempt: job.attempts }, "job failed");
    if (job.attempts >= job.max_attempts) {
      await finish(deps, job, { status: "failed", error: message });
      return outcome("failed", message);
    }
    await finish(deps, job, { status: "queued", error: message, runAt: new Date(deps.clock().getTime() + backoffMs(job.attempts)) });
    return outcome("queued", message);
  }
}
