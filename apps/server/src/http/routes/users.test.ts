import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditList, Store, User } from "@kexin/contracts";
import type { Database } from "../../db/database.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp, signInAs } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

describe.each(testDatabaseKinds)("users, stores and audit on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;

  const call = (who: SessionKey | string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { cookie: cookies[who as SessionKey] ?? who } });

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("creates a user who can sign in with the new password, audited without the password", async () => {
    const response = await call("admin", "POST", "/api/users", {
      email: "New.Agent@Example.test",
      name: "新店员",
      role: "agent",
      storeIds: [org.storeB],
      password: "a-long-enough-password",
    });
    expect(response.statusCode, response.body).toBe(201);
    const user = response.json() as User;
    expect(user).toMatchObject({ email: "new.agent@example.test", role: "agent", storeIds: [org.storeB], isDisabled: false });
    await signInAs(app, "new.agent@example.test", "a-long-enough-password");
    const audit = await database.db.selectFrom("audit_log").select(["action", "details"]).where("target_id", "=", user.id).execute();
    expect(audit).toEqual([{ action: "user.create", details: { email: "new.agent@example.test", role: "agent", storeIds: [org.storeB] } }]);
    expect(JSON.stringify(audit)).not.toContain("a-long-enough-password");
  });

  it.each([
    [{ email: "x@example.test", name: "x", role: "agent", storeIds: [], password: "a-long-enough-password" }, 400, "storeIds"],
    [{ email: "x@example.test", name: "x", role: "admin", password: "short" }, 400, "password"],
    [{ email: "nope", name: "x", role: "admin", password: "a-long-enough-password" }, 400, "email"],
    [{ email: "x@example.test", name: "x", role: "owner", password: "a-long-enough-password" }, 400, "role"],
  ])("refuses %j naming the field", async (payload, status, field) => {
    const response = await call("admin", "POST", "/api/users", payload);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.field).toBe(field);
  });

  it("refuses a taken email with 409 and stores of another organisation with 400", async () => {
    const taken = await call("admin", "POST", "/api/users", {
      email: org.users.agent.email,
      name: "x",
      role: "manager",
      password: "a-long-enough-password",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe("email");
    const other = await buildOrg(database.db, "Other");
    const foreign = await call("admin", "POST", "/api/users", {
      email: "foreign-store@example.test",
      name: "x",
      role: "agent",
      storeIds: [other.storeA],
      password: "a-long-enough-password",
    });
    expect(foreign.json().error.field).toBe("storeIds");
  });

  it("lists every user to admins and only their stores' staff to store managers", async () => {
    const all = (await call("manager", "GET", "/api/users")).json() as User[];
    expect(all.map((u) => u.id)).toEqual(expect.arrayContaining(Object.values(org.users).map((u) => u.id)));
    const mine = (await call("store_manager", "GET", "/api/users")).json() as User[];
    expect(mine.map((u) => u.id).sort()).toEqual([org.users.store_manager.id, org.users.agent.id].sort());
  });

  it("audits role and store changes with before and after, and signs a disabled user out", async () => {
    const agentCookie = await signInAs(app, org.users.agent.email);
    const response = await call("admin", "PATCH", `/api/users/${org.users.agent.id}`, { role: "store_manager", storeIds: [org.storeA, org.storeB] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ role: "store_manager", storeIds: [org.storeA, org.storeB].sort() });
    const entries = (await call("admin", "GET", "/api/audit?action=user.update")).json() as AuditList;
    expect(entries.items[0]).toMatchObject({
      actorName: "admin user",
      targetId: org.users.agent.id,
      details: {
        before: { role: "agent", storeIds: [org.storeA], isDisabled: false },
        after: { role: "store_manager", storeIds: [org.storeA, org.storeB].sort(), isDisabled: false },
      },
    });
    await call("admin", "PATCH", `/api/users/${org.users.agent.id}`, { isDisabled: true });
    expect((await app.inject({ method: "GET", url: "/api/me", headers: { cookie: agentCookie } })).statusCode).toBe(401);
    await call("admin", "PATCH", `/api/users/${org.users.agent.id}`, { isDisabled: false, role: "agent", storeIds: [org.storeA] });
    cookies.agent = await signInAs(app, org.users.agent.email);
  });

  it("keeps the last admin: an admin cannot demote or disable themselves while alone", async () => {
    const demote = await call("admin", "PATCH", `/api/users/${org.users.admin.id}`, { role: "manager" });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error).toMatchObject({ code: "user.last_admin", field: "role" });
    const disable = await call("admin", "PATCH", `/api/users/${org.users.admin.id}`, { isDisabled: true });
    expect(disable.json().error.field).toBe("isDisabled");
    // With a second admin, stepping down is allowed.
    await call("admin", "PATCH", `/api/users/${org.users.manager.id}`, { role: "admin" });
    const stepDown = await call("admin", "PATCH", `/api/users/${org.users.admin.id}`, { role: "manager" });
    expect(stepDown.statusCode).toBe(200);
    await call("manager", "PATCH", `/api/users/${org.users.admin.id}`, { role: "admin" });
  });

  it("answers 404 for a user of another organisation", async () => {
    const other = await buildOrg(database.db, "Elsewhere");
    const response = await call("admin", "PATCH", `/api/users/${other.users.agent.id}`, { name: "mine now" });
    expect(response.statusCode).toBe(404);
  });

  it("lists the stores each user may see", async () => {
    const codes = async (who: SessionKey) => ((await call(who, "GET", "/api/stores")).json() as Store[]).map((s) => s.code);
    expect(await codes("manager")).toEqual(["A", "B"]);
    expect(await codes("agent")).toEqual(["A"]);
    expect(await codes("storeManagerB")).toEqual(["B"]);
  });

  it("pages the audit trail with actor names, only the organisation's own", async () => {
    const page = (await call("admin", "GET", "/api/audit?pageSize=2")).json() as AuditList;
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const signIns = (await call("admin", "GET", "/api/audit?action=auth.sign_in&pageSize=200")).json() as AuditList;
    expect(signIns.items.every((entry) => entry.action === "auth.sign_in" && entry.actorName)).toBe(true);
    const rows = await database.db.selectFrom("audit_log").select("user_id").where("org_id", "=", org.orgId).where("action", "=", "auth.sign_in").execute();
    expect(signIns.total).toBe(rows.length);
  });
});
