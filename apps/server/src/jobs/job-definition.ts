/**
 * What a background job is. The worker (run-worker.ts) claims due rows of the `jobs` table one at a time with
 * FOR UPDATE SKIP LOCKED, so several worker processes on PostgreSQL never run the same job twice; the embedded
 * database runs one worker inside the web process. A job whose worker died is claimed again once its lease runs
 * out, so `run` must be safe to run again after a crash part-way (write idempotently: unique keys, claim rows).
 */
import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { DB } from "../db/schema.ts";
import type { Mailer } from "../domain/mail/mailer.ts";

export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobContext {
  db: Kysely<DB>;
  config: Config;
  mailer: Mailer;
  log: JobLog;
  orgId: string;
  /** The job's key within its kind: the period for a scheduled run (e.g. "2026-11-23"), or whatever the enqueuer chose. */
  key: string;
  payload: Record<string, unknown>;
  /** The worker's clock for this run (tests pass a fixed one). */
  now: Date;
  /** Stop taking more work after this and return; a scheduled job picks the rest up next period. */
  deadline: Date;
}

/** How often the scheduler enqueues a job of this kind for every organisation (at most once per period). */
export type JobPeriod = "minute" | "five-minutes" | "hour" | "day";

export interface JobDefinition {
  /** Dotted name, e.g. "value.recompute"; unique. */
  kind: string;
  every?: JobPeriod;
  /** Whatever it returns is stored on the job row as its result (counts, for the operator). */
  run(context: JobContext): Promise<Record<string, unknown> | void>;
}
