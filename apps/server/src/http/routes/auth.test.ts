import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildTestApp, signInAs } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

describe.each(testDatabaseKinds)("auth on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("answers health with the database checked", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: kind.name });
  });

  it("refuses a wrong password with 401 and audits it", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: org.users.admin.email, password: "wrong-password" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("auth.invalid_credentials");
    const audit = await database.db.selectFrom("audit_log").select("action").where("user_id", "=", org.users.admin.id).execute();
    expect(audit.map((a) => a.action)).toContain("auth.sign_in_failed");
  });

  it("names the field of a malformed login", async () => {
    const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "not-an-email" } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe("email");
  });

  it("signs in with an HTTP-only cookie and returns the user's stores", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: org.users.store_manager.email, password: "correct-horse-battery" },
    });
    const cookie = login.cookies.find((c) => c.name === "kexin_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    const me = await app.inject({ method: "GET", url: "/api/me", headers: { cookie: `kexin_session=${cookie?.value}` } });
    expect(me.json().role).toBe("store_manager");
    expect(me.json().stores.map((s: { code: string }) => s.code)).toEqual(["A"]);
  });

  it("requires a session on protected routes", async () => {
    const response = await app.inject({ method: "GET", url: "/api/me" });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("auth.required");
  });

  it("signs out: the old cookie no longer works", async () => {
    const cookie = await signInAs(app, org.users.agent.email);
    await app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    const me = await app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("serves the OpenAPI document", async () => {
    const response = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.json().paths["/api/health"].get.summary).toMatch(/database/);
  });
});
