/** Background jobs over HTTP on every database: administrators see their own organisation's, and retry a failed one. */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { enqueueJob } from "../../jobs/enqueue-job.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

describe.each(testDatabaseKinds)("jobs API on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  let failedId: string;
  let doneId: string;

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    const other = await buildOrg(database.db, "Other org");
    cookies = await signInEveryone(app, org);
    failedId = (await enqueueJob(database.db, { orgId: org.orgId, kind: "value.recompute", key: "2026-11-20" })).id;
    doneId = (await enqueueJob(database.db, { orgId: org.orgId, kind: "value.recompute", key: "2026-11-21" })).id;
    await enqueueJob(database.db, { orgId: other.orgId, kind: "value.recompute", key: "2026-11-21" });
    await database.db
      .updateTable("jobs")
      .set({ status: "failed", attempts: 5, last_error: "connection refused", finished_at: new Date() })
      .where("id", "=", failedId)
      .execute();
    await database.db.updateTable("jobs").set({ status: "done", attempts: 1, result: JSON.stringify({ customers: 12 }) }).where("id", "=", doneId).execute();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("lists the organisation's jobs with counts per status, and filters by status", async () => {
    const all = await app.inject({ method: "GET", url: "/api/jobs", headers: { cookie: cookies.admin } });
    expect(all.statusCode).toBe(200);
    const list = all.json();
    expect(list.total).toBe(2);
    expect(list.counts).toEqual({ queued: 0, running: 0, done: 1, failed: 1 });
    expect(list.items.find((item: { id: string }) => item.id === doneId).result).toEqual({ customers: 12 });
    const failed = await app.inject({ method: "GET", url: "/api/jobs?status=failed", headers: { cookie: cookies.admin } });
    expect(failed.json().items.map((item: { id: string; lastError: string }) => [item.id, item.lastError])).toEqual([[failedId, "connection refused"]]);
    const bad = await app.inject({ method: "GET", url: "/api/jobs?status=lost", headers: { cookie: cookies.admin } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("status");
  });

  it("retries a failed job once; a done job cannot be retried; only administrators may", async () => {
    const forbidden = await app.inject({ method: "POST", url: `/api/jobs/${failedId}/retry`, headers: { cookie: cookies.manager } });
    expect(forbidden.statusCode).toBe(403);
    const retried = await app.inject({ method: "POST", url: `/api/jobs/${failedId}/retry`, headers: { cookie: cookies.admin } });
    expect(retried.statusCode).toBe(204);
    const row = await database.db.selectFrom("jobs").select(["status", "attempts", "last_error"]).where("id", "=", failedId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "queued", attempts: 0, last_error: null });
    const again = await app.inject({ method: "POST", url: `/api/jobs/${failedId}/retry`, headers: { cookie: cookies.admin } });
    expect(again.statusCode).toBe(409);
    const done = await app.inject({ method: "POST", url: `/api/jobs/${doneId}/retry`, headers: { cookie: cookies.admin } });
    expect(done.statusCode).toBe(409);
    const audit = await database.db.selectFrom("audit_log").select("target_id").where("action", "=", "job.retry").execute();
    expect(audit.map((entry) => entry.target_id)).toEqual([failedId]);
  });
});
