/**
 * The job queue on every database: a key enqueues once, periodic kinds once per period however many schedulers
 * tick, two workers never run one job twice, a dead worker's job is taken over after its lease, failures back off
 * and end as failed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/database.ts";
import { createMailer } from "../domain/mail/create-mailer.ts";
import { buildOrg, type TestOrg } from "../testing/factories.ts";
import { testDatabaseKinds } from "../testing/test-database.ts";
import { enqueueJob } from "./enqueue-job.ts";
import type { JobContext, JobDefinition } from "./job-definition.ts";
import { periodKey } from "./period-key.ts";
import { runNextJob, type WorkerDependencies } from "./run-next-job.ts";
import { schedulePeriodicJobs } from "./schedule-periodic-jobs.ts";
import { startWorker } from "./start-worker.ts";

const config = loadConfig({ KEXIN_LOG_LEVEL: "silent" });
const mailer = createMailer({ smtpUrl: null, mailFrom: "a@kexin.test", outboxDir: "/tmp/kexin-jobs-test-outbox" });
const silentLog = { info: () => {}, error: () => {} };

describe("periodKey", () => {
  it("counts days and hours in Shanghai time", () => {
    // 2026-11-23 17:30 UTC is 2026-11-24 01:30 in Shanghai.
    const at = new Date("2026-11-23T17:30:00Z");
    expect(periodKey("day", at)).toBe("2026-11-24");
    expect(periodKey("hour", at)).toBe("2026-11-24T01");
    expect(periodKey("minute", at)).toBe("2026-11-24T01:30");
    expect(periodKey("five-minutes", new Date("2026-11-23T17:34:59Z"))).toBe("2026-11-24T01:30/5");
  });
});

describe.each(testDatabaseKinds)("job queue on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let otherOrg: TestOrg;
  const runs: JobContext[] = [];
  let failuresLeft = 0;
  const definitions: JobDefinition[] = [
    {
      kind: "test.count",
      every: "day",
      run: async (context) => {
        runs.push(context);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { seen: context.key };
      },
    },
    {
      kind: "test.flaky",
      run: async () => {
        if (failuresLeft-- > 0) throw new Error("the mail server said no");
        return { ok: true };
      },
    },
  ];
  let clockAt = new Date("2026-11-23T02:00:00Z");
  const deps = (workerId: string): WorkerDependencies => ({
    db: database.db,
    config,
    mailer,
    log: silentLog,
    definitions,
    workerId,
    leaseMs: 60_000,
    clock: () => clockAt,
  });

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db, "Jobs org");
    otherOrg = await buildOrg(database.db, "Other jobs org");
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    runs.length = 0;
    await database.db.deleteFrom("jobs").execute();
  });

  it("enqueues a key once, however often it is asked", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => enqueueJob(database.db, { orgId: org.orgId, kind: "test.count", key: "manual-1" })),
    );
    expect(results.filter((result) => result.isNew)).toHaveLength(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await database.db.selectFrom("jobs").select("id").execute()).toHaveLength(1);
  });

  it("schedules each periodic kind once per organisation and period, even from concurrent ticks", async () => {
    const counts = await Promise.all([1, 2, 3, 4].map(() => schedulePeriodicJobs(database.db, definitions, clockAt)));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(2);
    const rows = await database.db.selectFrom("jobs").select(["org_id", "kind", "key"]).orderBy("org_id").execute();
    expect(rows.map((row) => row.key)).toEqual(["2026-11-23", "2026-11-23"]);
    expect(new Set(rows.map((row) => row.org_id))).toEqual(new Set([org.orgId, otherOrg.orgId]));
    // The next day is a new period.
    expect(await schedulePeriodicJobs(database.db, definitions, new Date("2026-11-24T02:00:00Z"))).toBe(2);
  });

  it("runs each due job exactly once across two workers, and records its result", async () => {
    for (let i = 0; i < 12; i++) await enqueueJob(database.db, { orgId: org.orgId, kind: "test.count", key: `k${i}`, runAt: clockAt });
    const drainAll = async (workerId: string) => {
      const outcomes = [];
      for (let outcome = await runNextJob(deps(workerId)); outcome; outcome = await runNextJob(deps(workerId))) outcomes.push(outcome);
      return outcomes;
    };
    const [first, second] = await Promise.all([drainAll("worker-1"), drainAll("worker-2")]);
    expect(first.length + second.length).toBe(12);
    expect(runs.map((run) => run.key).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `k${i}`).sort());
    const rows = await database.db.selectFrom("jobs").select(["status", "result", "attempts", "locked_by"]).execute();
    expect(rows.every((row) => row.status === "done" && row.attempts === 1 && row.locked_by === null)).toBe(true);
    expect(rows.map((row) => (row.result as { seen: string }).seen).sort()).toEqual(runs.map((run) => run.key).sort());
  });

  it("leaves a job that is not due yet alone", async () => {
    await enqueueJob(database.db, { orgId: org.orgId, kind: "test.count", key: "later", runAt: new Date(clockAt.getTime() + 60_000) });
    expect(await runNextJob(deps("w"))).toBeUndefined();
  });

  it("takes over the job of a worker that died, once its lease has run out", async () => {
    const { id } = await enqueueJob(database.db, { orgId: org.orgId, kind: "test.count", key: "orphan", runAt: clockAt });
    // A worker claimed it and died: status running, lease until a minute from now.
    await database.db
      .updateTable("jobs")
      .set({ status: "running", attempts: 1, locked_by: "dead-worker", locked_until: new Date(clockAt.getTime() + 60_000) })
      .where("id", "=", id)
      .execute();
    expect(await runNextJob(deps("alive"))).toBeUndefined();
    const saved = clockAt;
    clockAt = new Date(clockAt.getTime() + 61_000);
    try {
      expect(await runNextJob(deps("alive"))).toMatchObject({ id, status: "done" });
    } finally {
      clockAt = saved;
    }
    const row = await database.db.selectFrom("jobs").select(["attempts", "status"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ attempts: 2, status: "done" });
  });

  it("retries a failing job with back-off, then marks it failed with the error", async () => {
    failuresLeft = 10;
    const { id } = await enqueueJob(database.db, { orgId: org.orgId, kind: "test.flaky", key: "f", runAt: clockAt, maxAttempts: 3 });
    const first = await runNextJob(deps("w"));
    expect(first).toMatchObject({ status: "queued", error: "the mail server said no" });
    expect(await runNextJob(deps("w"))).toBeUndefined(); // backing off
    const row = await database.db.selectFrom("jobs").select(["run_at", "last_error"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(new Date(row.run_at).getTime()).toBe(clockAt.getTime() + 30_000);
    const saved = clockAt;
    try {
      clockAt = new Date(saved.getTime() + 31_000);
      expect(await runNextJob(deps("w"))).toMatchObject({ status: "queued" });
      clockAt = new Date(saved.getTime() + 31_000 + 61_000);
      expect(await runNextJob(deps("w"))).toMatchObject({ status: "failed", error: "the mail server said no" });
    } finally {
      clockAt = saved;
    }
    const failed = await database.db.selectFrom("jobs").select(["status", "attempts", "finished_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(failed.status).toBe("failed");
    expect(failed.attempts).toBe(3);
    expect(failed.finished_at).not.toBeNull();
  });

  it("a worker's drain ticks the scheduler and runs what is due", async () => {
    const worker = startWorker({ db: database.db, config, mailer, log: silentLog, definitions, clock: () => clockAt, isLooping: false });
    const outcomes = await worker.drain();
    expect(outcomes.map((outcome) => outcome.orgId).sort()).toEqual([org.orgId, otherOrg.orgId].sort());
    expect(await worker.drain()).toEqual([]); // the period's jobs ran already
    await worker.stop();
  });
});
