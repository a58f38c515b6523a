/**
 * Every route × every role (and anonymous), on every database: the permission a route names in `access` is what
 * decides 401/403, and a customer of another store answers 404 to store-bound staff. Routes added later are covered
 * automatically: with no sample body they are held to the weaker rule (never 500; 401/403 exactly as `can` says).
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { can } from "../domain/auth/authorize.ts";
import { buildCustomer, buildOrg, TEST_PASSWORD, type TestOrg } from "../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../testing/purchases.ts";
import { buildTestApp, signInAs } from "../testing/test-app.ts";
import { testDatabaseKinds } from "../testing/test-database.ts";
import type { Access, AnyRoute } from "./route.ts";
import { allRoutes } from "./routes/index.ts";

const ROLES = ["admin", "manager", "store_manager", "agent"] as const;
type Who = (typeof ROLES)[number] | "anonymous";
const WHO: Who[] = [...ROLES, "anonymous"];

interface Sample {
  /** The permission the route must keep asking for: a loosened route fails here, not in production. */
  access: Access;
  body?: (org: TestOrg) => object;
  query?: string;
}
let sequence = 0;
/** Routes whose behaviour this test knows: an allowed role must get a 2xx with these inputs. */
const SAMPLES: Record<string, Sample> = {
  "GET /api/health": { access: "public" },
  "POST /api/auth/login": { access: "public", body: (org) => ({ email: org.users.agent.email, password: TEST_PASSWORD }) },
  "POST /api/auth/logout": { access: "signed-in" },
  "GET /api/me": { access: "signed-in" },
  "PUT /api/me/locale": { access: "signed-in", body: () => ({ locale: "en" }) },
  "GET /api/dashboard/summary": { access: "dashboard.read" },
  "GET /api/customers": { access: "customer.read", query: "q=matrix&sort=name" },
  "POST /api/customers": { access: "customer.write", body: (org) => ({ name: "Matrix customer", homeStoreId: org.storeA }) },
  "GET /api/customers/:id": { access: "customer.read" },
  "PATCH /api/customers/:id": { access: "customer.write", body: () => ({ name: "Renamed", tags: ["matrix"] }) },
  "POST /api/customers/:id/archive": { access: "customer.delete" },
  "POST /api/customers/:id/restore": { access: "customer.delete" },
  "GET /api/customers/:id/timeline": { access: "customer.read", query: "limit=5" },
  "POST /api/customers/:id/interactions": { access: "customer.write", body: () => ({ kind: "note", summary: "matrix note" }) },
  "GET /api/customers/:id/personal-data": { access: "customer.export" },
  "POST /api/customers/:id/erase": { access: "customer.erase" },
  "GET /api/users": { access: "user.read" },
  "POST /api/users": { access: "user.admin",
    body: (org) => ({
      email: `matrix-${sequence++}@example.test`,
      name: "Matrix user",
      role: "agent",
      storeIds: [org.storeA],
      password: "a-long-enough-password",
    }),
  },
  "PATCH /api/users/:id": { access: "user.admin", body: () => ({ name: "Renamed user" }) },
  "GET /api/stores": { access: "signed-in" },
  "GET /api/audit": { access: "audit.read", query: "pageSize=5" },
  "GET /api/jobs": { access: "audit.read", query: "status=failed" },
  "GET /api/feedback": { access: "feedback.read", query: "q=matrix&sentiment=negative&status=new" },
  "GET /api/feedback/themes": { access: "feedback.read", query: "limit=5&channel=phone" },
  "POST /api/feedback": { access: "feedback.write", body: (org) => ({ channel: "phone", body: "matrix: 排队太久", storeId: org.storeA }) },
  "GET /api/tasks": { access: "task.read", query: "status=open&due=all" },
  "GET /api/plans": { access: "task.read" },
  "POST /api/plans/regenerate": { access: "plan.write", body: () => ({ days: 3 }) },
  "GET /api/customers/:id/service-figures": { access: "customer.read" },
  "GET /api/service-figures/report": { access: "report.read", query: "groupBy=customer&months=3" },
  "GET /api/surveys": { access: "survey.read" },
  "POST /api/surveys": { access: "survey.write", body: (org) => ({ name: "Matrix survey", storeId: org.storeA }) },
  "GET /api/survey-templates": { access: "survey.read" },
  "GET /api/complaints": { access: "complaint.read", query: "status=active&isBreached=false&pageSize=5" },
  "POST /api/complaints": { access: "complaint.write", body: (org) => ({ category: "other", subject: "Matrix", body: "matrix complaint", storeId: org.storeA }) },
  "GET /api/complaints/report": { access: "complaint.read" },
  "GET /api/complaints/settings": { access: "complaint.read" },
  "GET /api/complaints/store-links": { access: "complaint.read" },
  "POST /api/complaints/escalation-runs": { access: "complaint.admin", body: () => ({}) },
  "GET /api/value/overview": { access: "value.read" },
  "POST /api/value/recompute": { access: "tier.write" },
  "GET /api/value/tier-rules": { access: "value.read" },
  "POST /api/value/tier-rules/preview": { access: "tier.write", body: () => ({ rules: [{ tier: "vip", conditions: [{ metric: "clv", op: "gte", value: 1000 }] }] }) },
  "PUT /api/value/tier-rules": { access: "tier.write", body: () => ({ rules: [{ tier: "vip", conditions: [{ metric: "clv", op: "gte", value: 1000 }] }] }) },
  "GET /api/value/settings": { access: "value.read" },
  "PUT /api/value/settings": { access: "tier.write",
    body: () => ({ interactionCosts: { call: 5 }, atRiskIntervalMultiple: 1.5, lostIntervalMultiple: 3, atRiskAliveBelow: 0.5, lostAliveBelow: 0.2 }),
  },
  "GET /api/value/pareto": { access: "value.read", query: "topPercent=20" },
  "GET /api/value/priority": { access: "value.read", query: "pageSize=5" },
  "GET /api/value/churn": { access: "value.read" },
  "GET /api/value/churn/customers": { access: "value.read", query: "status=lost" },
  "GET /api/customers/:id/value": { access: "value.read" },
  "PUT /api/customers/:id/tier": { access: "tier.write", body: () => ({ tier: "vip", reason: "matrix override" }) },
  "DELETE /api/customers/:id/tier": { access: "tier.write" },
  "GET /api/greetings/templates": { access: "greeting.read" },
  "POST /api/greetings/templates": {
    access: "greeting.write",
    body: () => ({ name: "Matrix letter", language: "en", subject: "Hello {{ customer.salutation }}", body: "Dear {{ customer.name }}" }),
  },
  "GET /api/greetings/occasions": { access: "greeting.read", query: "year=2027" },
  "GET /api/greetings/rules": { access: "greeting.read" },
  "GET /api/greetings/campaigns": { access: "greeting.read" },
  "POST /api/greetings/campaigns/preview": { access: "greeting.read", body: (org) => ({ segment: { storeIds: [org.storeA] }, channel: "sms" }) },
  "GET /api/greetings/deliveries": { access: "greeting.read", query: "status=sent&pageSize=5" },
  "GET /api/greetings/settings": { access: "greeting.read" },
  "PUT /api/greetings/settings": { access: "greeting.write", body: () => ({ timeZone: "Asia/Shanghai", quietStart: "21:00", quietEnd: "09:00" }) },
};
/** Routes that end the session they are called with get a session of their own. */
const ENDS_SESSION = new Set(["POST /api/auth/logout"]);

const keyOf = (route: AnyRoute) => `${route.method} ${route.url}`;
const isCustomerRoute = (route: AnyRoute) => route.url.startsWith("/api/customers/:");
const FOREIGN_ID = "3f2b9c1e-0000-4000-8000-000000000000";

describe.each(testDatabaseKinds)("authorisation matrix on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;

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

  /** Sends the route's request as `who`, with :params pointing at a fresh customer of `store` (or a store-A user). */
  async function send(route: AnyRoute, who: Who, store: "A" | "B") {
    const customer = await buildCustomer(database.db, org.orgId, {
      name: `Matrix ${store}`,
      home_store_id: store === "A" ? org.storeA : org.storeB,
    });
    const url = route.url.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
      if (route.url.startsWith("/api/customers/")) return customer.id;
      if (route.url.startsWith("/api/users/") && name === "id") return org.users.agent.id;
      return FOREIGN_ID;
    });
    const sample: Partial<Sample> = SAMPLES[keyOf(route)] ?? {};
    let cookie: string | undefined;
    if (who !== "anonymous") cookie = ENDS_SESSION.has(keyOf(route)) ? await signInAs(app, org.users[who].email) : cookies[who];
    return app.inject({
      method: route.method,
      url: sample.query ? `${url}?${sample.query}` : url,
      ...(sample.body && { payload: sample.body(org) }),
      headers: cookie ? { cookie } : {},
    });
  }

  it("covers every route of the customer archive, users, stores, dashboard and audit", () => {
    const keys = new Set(allRoutes.map(keyOf));
    for (const key of Object.keys(SAMPLES)) expect(keys, key).toContain(key);
    for (const route of allRoutes.filter((r) => keyOf(r) in SAMPLES)) {
      expect(route.access, keyOf(route)).toBe(SAMPLES[keyOf(route)].access);
    }
  });

  for (const route of allRoutes) {
    const key = keyOf(route);
    const isKnown = key in SAMPLES;
    describe(key, () => {
      it.each(WHO)("as %s", async (who) => {
        const response = await send(route, who, "A");
        const detail = `${key} as ${who}: ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, detail).toBeLessThan(500);
        if (route.access === "public") {
          expect(response.statusCode, detail).not.toBe(401);
          expect(response.statusCode, detail).not.toBe(403);
          if (isKnown) expect(response.statusCode, detail).toBeLessThan(300);
          return;
        }
        if (who === "anonymous") {
          expect(response.statusCode, detail).toBe(401);
          return;
        }
        const actor = org.users[who].actor;
        const isAllowed = route.access === "signed-in" || can(actor, route.access);
        if (!isAllowed) {
          expect(response.statusCode, detail).toBe(403);
          expect(response.json().error.code).toBe("auth.forbidden");
          return;
        }
        expect([401, 403], detail).not.toContain(response.statusCode);
        if (isKnown) expect(response.statusCode, detail).toBeGreaterThanOrEqual(200);
        if (isKnown) expect(response.statusCode, detail).toBeLessThan(300);
      });

      if (isCustomerRoute(route)) {
        it.each(ROLES)("on a store B customer as %s", async (who) => {
          const actor = org.users[who].actor;
          const isAllowed = route.access === "signed-in" || route.access === "public" || can(actor, route.access);
          const response = await send(route, who, "B");
          const detail = `${key} (store B) as ${who}: ${response.statusCode} ${response.body.slice(0, 200)}`;
          expect(response.statusCode, detail).toBeLessThan(500);
          if (!isAllowed) expect(response.statusCode, detail).toBe(403);
          else if (who === "store_manager" || who === "agent") {
            expect(response.statusCode, detail).toBe(404);
            expect(response.json().error.code, detail).toBe("customer.not_found");
          } else if (isKnown) {
            expect(response.statusCode, detail).toBeGreaterThanOrEqual(200);
            expect(response.statusCode, detail).toBeLessThan(300);
          } else expect([401, 403, 404], detail).not.toContain(response.statusCode);
        });
      }
    });
  }
});
