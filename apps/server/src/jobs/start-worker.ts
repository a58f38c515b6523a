/**
 * The worker loop: ticks the scheduler, then runs due jobs one after another until none is due, then sleeps. Runs in
 * the web process on the embedded database (one process owns it) and, on PostgreSQL, also as any number of
 * `kexin worker` processes. Errors are logged and the loop goes on; stop() waits for the job in hand.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { JobOutcome, WorkerDependencies } from "./run-next-job.ts";
import { runNextJob } from "./run-next-job.ts";
import { schedulePeriodicJobs } from "./schedule-periodic-jobs.ts";

export interface Worker {
  /** Ticks the scheduler and runs every job due now; resolves with what ran (tests and `kexin worker --once`). */
  drain(): Promise<JobOutcome[]>;
  stop(): Promise<void>;
}

export type WorkerOptions = Omit<WorkerDependencies, "workerId" | "leaseMs" | "clock"> &
  Partial<Pick<WorkerDependencies, "workerId" | "leaseMs" | "clock">> & {
    /** Sleep between sweeps when nothing is due. */
    idleMs?: number;
    /** False: only drain() runs jobs (tests). */
    isLooping?: boolean;
  };

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function startWorker(options: WorkerOptions): Worker {
  const deps: WorkerDependencies = {
    ...options,
    workerId: options.workerId ?? newWorkerId(),
    leaseMs: options.leaseMs ?? 5 * 60_000,
    clock: options.clock ?? (() => new Date()),
  };
  const idleMs = options.idleMs ?? 5_000;
  let isStopped = false;
  let current: Promise<JobOutcome[]> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const sweep = async (): Promise<JobOutcome[]> => {
    const outcomes: JobOutcome[] = [];
    await schedulePeriodicJobs(deps.db, deps.definitions, deps.clock());
    while (!isStopped) {
      const outcome = await runNextJob(deps);
      if (!outcome) break;
      outcomes.push(outcome);
    }
    return outcomes;
  };

  /** Sweeps run one after another: a drain() during a sweep starts the next one when it ends. */
  const drain = (): Promise<JobOutcome[]> => {
    const run = (current ?? Promise.resolve([])).catch(() => []).then(sweep);
    current = run;
    void run
      .catch(() => undefined)
      .finally(() => {
        if (current === run) current = undefined;
      });
    return run;
  };

  const loop = () => {
    if (isStopped) return;
    timer = setTimeout(() => {
      drain()
        .catch((error: unknown) => deps.log.error({ err: error }, "job sweep failed; it runs again shortly"))
        .finally(loop);
    }, idleMs);
    timer.unref();
  };
  if (options.isLooping !== false) loop();

  return {
    drain,
    stop: async () => {
      isStopped = true;
      clearTimeout(timer);
      await current?.catch(() => undefined);
    },
  };
}
