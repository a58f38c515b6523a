/**
 * "Recompute now" over HTTP on every database: it answers 202 with a value.recompute job instead of recomputing in
 * the request; clicks while that job is queued (or the nightly one is) get the same job; the worker's run updates the
 * figures the value page reads; the job can be polled; roles the permission table keeps from tier.write get 403.
 */
import type { JobEntry, JobRequested, ValueOverview } from "@kexin/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { can } from "../../domain/auth/authorize.ts";
import { createMailer } from "../../domain/mail/create-mailer.ts";
import { buildSimulatedCustomers } from "../../domain/value/value-test-data.ts";
import { RECOMPUTE_VALUES_JOB, valueJobDefinitions } from "../../domain/value/value-jobs.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import { periodKey } from "../../jobs/period-key.ts";
import { runNextJob } from "../../jobs/run-next-job.ts";
import { schedulePeriodicJobs } from "../../jobs/schedule-periodic-jobs.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

const CUSTOMERS = 60;

describe.each(testDatabaseKinds)("recompute now, as a background job, on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    await buildSimulatedCustomers(database.db, org.orgId, { count: CUSTOMERS, stores: [org.storeA, org.storeB], seed: 5 });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const send = async <T,>(who: SessionKey, method: "GET" | "POST", url: string) => {
    const response = await app.inject({ method, url, headers: { cookie: cookies[who] } });
    return { status: response.statusCode, body: response.json() as T };
  };
  const clickRecompute = () => send<JobRequested>("manager", "POST", "/api/value/recompute");
  const recomputeJobs = () =>
    database.db.selectFrom("jobs").select(["id", "key", "status"]).where("org_id", "=", org.orgId).where("kind", "=", RECOMPUTE_VALUES_JOB).execute();
  const auditEntries = () =>
    database.db.selectFrom("audit_log").select(["user_id", "target_id"]).where("org_id", "=", org.orgId).where("action", "=", "value.recompute").execute();
  /** One pass of the worker over the value jobs, as the inline worker or `kexin worker` would run it. */
  const runWorker = () =>
    runNextJob({
      db: database.db,
      config: loadConfig({ KEXIN_LOG_LEVEL: "silent" }),
      mailer: createMailer({ smtpUrl: null, mailFrom: "a@kexin.test", outboxDir: "/tmp/kexin-value-recompute-test-outbox" }),
      log: { info: () => {}, error: () => {} },
      definitions: valueJobDefinitions,
      workerId: "value-recompute-test",
      leaseMs: 60_000,
      clock: () => new Date(),
    });

  it("two clicks make one job, answered 202 at once; the worker's run updates the figures the page reads", async () => {
    expect((await send<ValueOverview>("manager", "GET", "/api/value/overview")).body.lastRun).toBeNull();

    const [first, second] = await Promise.all([clickRecompute(), clickRecompute()]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body.job.id).toBe(first.body.job.id);
    expect([first.body.isNew, second.body.isNew].sort()).toEqual([false, true]);
    expect(first.body.job).toMatchObject({ kind: RECOMPUTE_VALUES_JOB, status: "queued" });
    const third = await clickRecompute();
    expect(third.body).toMatchObject({ isNew: false, job: { id: first.body.job.id, status: "queued" } });
    expect(await recomputeJobs()).toHaveLength(1);
    // Nothing was computed inside the requests.
    expect(await database.db.selectFrom("customer_values").select("customer_id").where("org_id", "=", org.orgId).execute()).toHaveLength(0);
    expect(await auditEntries()).toEqual([{ user_id: org.users.manager.id, target_id: first.body.job.id }]);

    // An agent may poll it (value.read), and sees it queued until the worker has run it.
    expect((await send<JobEntry>("agent", "GET", `/api/jobs/${first.body.job.id}`)).body.status).toBe("queued");
    expect(await runWorker()).toMatchObject({ id: first.body.job.id, status: "done" });
    expect(await runWorker()).toBeUndefined();

    const polled = await send<JobEntry>("agent", "GET", `/api/jobs/${first.body.job.id}`);
    expect(polled.status).toBe(200);
    expect(polled.body).toMatchObject({ status: "done", result: { customers: CUSTOMERS } });
    expect(polled.body.finishedAt).not.toBeNull();
    const overview = (await send<ValueOverview>("manager", "GET", "/api/value/overview")).body;
    expect(overview.lastRun).toMatchObject({ customers: CUSTOMERS });
    expect(overview.tiers.reduce((sum, tier) => sum + tier.customers, 0)).toBe(CUSTOMERS);
    expect(await database.db.selectFrom("customer_values").select("customer_id").where("org_id", "=", org.orgId).execute()).toHaveLength(CUSTOMERS);

    // Once that job is done, the next click makes a new one.
    const again = await clickRecompute();
    expect(again.status).toBe(202);
    expect(again.body.isNew).toBe(true);
    expect(again.body.job.id).not.toBe(first.body.job.id);
    expect(await recomputeJobs()).toHaveLength(2);
    expect(await runWorker()).toMatchObject({ id: again.body.job.id, status: "done" });
  });

  it("a click while the nightly recompute is queued gets that job, not another", async () => {
    await schedulePeriodicJobs(database.db, valueJobDefinitions, new Date());
    const nightly = (await recomputeJobs()).find((job) => job.key === periodKey("day", new Date()))!;
    expect(nightly.status).toBe("queued");
    const click = await clickRecompute();
    expect(click.status).toBe(202);
    expect(click.body).toMatchObject({ isNew: false, job: { id: nightly.id } });
    expect(await recomputeJobs()).toHaveLength(3);
    expect(await auditEntries()).toHaveLength(2); // only the two clicks that made a job
    expect(await runWorker()).toMatchObject({ id: nightly.id, status: "done" });
  });

  it("refuses roles without tier.write, and hides jobs of other kinds from roles that only read values", async () => {
    for (const who of ["store_manager", "agent"] as const) {
      expect(can(org.users[who].actor, "tier.write")).toBe(false); // the permission table says so
      const response = await send<{ error: { code: string } }>(who, "POST", "/api/value/recompute");
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("auth.forbidden");
    }
    expect(await recomputeJobs()).toHaveLength(3);

    const greetings = await enqueueJob(database.db, { orgId: org.orgId, kind: "greetings.send", key: "matrix" });
    expect((await send("agent", "GET", `/api/jobs/${greetings.id}`)).status).toBe(404);
    expect((await send("manager", "GET", `/api/jobs/${greetings.id}`)).status).toBe(404);
    expect((await send<JobEntry>("admin", "GET", `/api/jobs/${greetings.id}`)).body).toMatchObject({ kind: "greetings.send", status: "queued" });
  });
});
