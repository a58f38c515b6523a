import type { Feedback, FeedbackList, FeedbackThemeSummary } from "@kexin/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

/** A small inbox with known answers: [key, channel, store, received (China time), text]. */
const INBOX = [
  ["queue1", "phone", "A", "2024-03-01T10:00:00+08:00", "结账排队太久了，收银台只开了一个"],
  ["queue2", "wechat", "A", "2024-03-02T09:30:00+08:00", "周末排队排了半小时，服务态度也很差"],
  ["queue3", "email", "B", "2024-03-03T18:00:00+08:00", "排队的人太多，希望多开几个收银台"],
  ["praise", "in_person", "A", "2024-03-04T12:00:00+08:00", "店员很热情，环境干净，非常满意"],
  ["english", "app_store", "B", "2024-03-05T08:00:00+08:00", "Friendly staff and a clean store, great experience"],
  ["parking", "web", "A", "2024-03-06T20:00:00+08:00", "请问停车场在哪里"],
  ["percent", "other", "B", "2024-03-31T23:30:00+08:00", "打了100%的折扣？_活动规则看不懂"],
] as const;

describe.each(testDatabaseKinds)("feedback list and themes on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  const ids: Record<string, string> = {};
  let customerId: string;

  const get = async <T,>(who: SessionKey, url: string) => {
    const response = await app.inject({ method: "GET", url, headers: { cookie: cookies[who] } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };
  const list = (query: string, who: SessionKey = "admin") => get<FeedbackList>(who, `/api/feedback?${query}`);
  const keysOf = (result: FeedbackList) => result.items.map((item) => Object.entries(ids).find(([, id]) => id === item.id)?.[0]);

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    customerId = (await buildCustomer(database.db, org.orgId, { name: "陈静", home_store_id: org.storeA })).id;
    for (const [key, channel, store, receivedAt, body] of INBOX) {
      const response = await app.inject({
        method: "POST",
        url: "/api/feedback",
        headers: { cookie: cookies.admin },
        payload: { channel, body, receivedAt, storeId: store === "A" ? org.storeA : org.storeB, ...(key === "praise" && { customerId }) },
      });
      expect(response.statusCode, response.body).toBe(201);
      ids[key] = (response.json() as Feedback).id;
    }
    await app.inject({
      method: "PATCH",
      url: `/api/feedback/${ids.queue2}`,
      headers: { cookie: cookies.admin },
      payload: { status: "closed", assigneeId: org.users.agent.id },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("lists newest first with the total", async () => {
    const all = await list("");
    expect(all.total).toBe(INBOX.length);
    expect(keysOf(all)).toEqual(["percent", "parking", "english", "praise", "queue3", "queue2", "queue1"]);
    expect(all.items[0]).toMatchObject({ excerpt: INBOX[6][4], isExcerptCut: false, storeName: "Store B" });
  });

  it("pages without overlap", async () => {
    const first = await list("pageSize=3&page=1");
    const second = await list("pageSize=3&page=2");
    const third = await list("pageSize=3&page=3");
    expect(first.total).toBe(INBOX.length);
    expect([...keysOf(first), ...keysOf(second), ...keysOf(third)]).toEqual(keysOf(await list("")));
  });

  it("searches the text, taking % and _ literally", async () => {
    expect(keysOf(await list(`q=${encodeURIComponent("排队")}`)).sort()).toEqual(["queue1", "queue2", "queue3"]);
    expect(keysOf(await list(`q=${encodeURIComponent("收银台只开")}`))).toEqual(["queue1"]);
    expect(keysOf(await list("q=FRIENDLY"))).toEqual(["english"]);
    expect(keysOf(await list(`q=${encodeURIComponent("100%")}`))).toEqual(["percent"]);
    expect(keysOf(await list(`q=${encodeURIComponent("%")}`))).toEqual(["percent"]);
    expect((await list(`q=${encodeURIComponent("_活动")}`)).total).toBe(1);
    expect((await list("q=nothing-like-this")).total).toBe(0);
  });

  it("filters by channel, status, sentiment, store, assignee, customer, dates and theme", async () => {
    expect(keysOf(await list("channel=email"))).toEqual(["queue3"]);
    expect(keysOf(await list("status=closed"))).toEqual(["queue2"]);
    expect(keysOf(await list(`assigneeId=${org.users.agent.id}`))).toEqual(["queue2"]);
    expect(keysOf(await list(`customerId=${customerId}`))).toEqual(["praise"]);
    expect(keysOf(await list(`storeId=${org.storeB}`))).toEqual(["percent", "english", "queue3"]);
    expect(keysOf(await list("sentiment=positive"))).toEqual(["english", "praise"]);
    expect(keysOf(await list("sentiment=negative"))).toEqual(["queue3", "queue2", "queue1"]);
    expect(keysOf(await list("sentiment=neutral"))).toEqual(["percent", "parking"]);
    // Calendar days in China time: 23:30 on 31 March belongs to 31 March.
    expect(keysOf(await list("from=2024-03-02&to=2024-03-04"))).toEqual(["praise", "queue3", "queue2"]);
    expect(keysOf(await list("from=2024-03-31"))).toEqual(["percent"]);
    expect(keysOf(await list("to=2024-03-01"))).toEqual(["queue1"]);
    expect(keysOf(await list(`theme=${encodeURIComponent("排队")}`))).toEqual(["queue3", "queue2", "queue1"]);
    expect(keysOf(await list(`theme=${encodeURIComponent("排队")}&channel=wechat&status=closed`))).toEqual(["queue2"]);
  });

  it("refuses malformed filters with a 400 naming the field", async () => {
    for (const [query, field] of [["channel=fax", "channel"], ["sentiment=angry", "sentiment"], ["from=2024-13-01", "from"], ["pageSize=1000", "pageSize"], ["storeId=nope", "storeId"]]) {
      const response = await app.inject({ method: "GET", url: `/api/feedback?${query}`, headers: { cookie: cookies.admin } });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
  });

  it("summarises the top themes over the filtered set, with counts and average sentiment", async () => {
    const summary = await get<FeedbackThemeSummary>("admin", "/api/feedback/themes?limit=5");
    expect(summary.total).toBe(INBOX.length);
    expect(summary.themes.length).toBeLessThanOrEqual(5);
    expect(summary.themes[0]).toMatchObject({ term: "排队", count: 3, negativeCount: 3 });
    expect(summary.themes[0].averageSentiment).toBeLessThan(-0.3);
    expect(summary.themes.find((theme) => theme.term === "收银台")).toMatchObject({ count: 2 });

    const storeB = await get<FeedbackThemeSummary>("admin", `/api/feedback/themes?storeId=${org.storeB}`);
    expect(storeB.total).toBe(3);
    expect(storeB.themes.find((theme) => theme.term === "排队")).toMatchObject({ count: 1 });
    const positive = await get<FeedbackThemeSummary>("admin", "/api/feedback/themes?sentiment=positive");
    expect(positive.themes.every((theme) => theme.averageSentiment > 0.3)).toBe(true);
    expect(positive.themes.some((theme) => theme.term === "排队")).toBe(false);
  });

  it("counts only the caller's stores", async () => {
    const storeA = await list("", "store_manager");
    expect(keysOf(storeA).sort()).toEqual(["parking", "praise", "queue1", "queue2"]);
    const themes = await get<FeedbackThemeSummary>("storeManagerB", "/api/feedback/themes");
    expect(themes.total).toBe(3);
    expect(themes.themes.find((theme) => theme.term === "排队")?.count).toBe(1);
  });
});
