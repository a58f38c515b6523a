/**
 * The public complaint page and the inbound-email endpoint on every database: the form, submission, hostile input
 * refused or stored inert and escaped, the per-IP limit, forms refused elsewhere, and the shared secret.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { systemActor } from "../../domain/auth/system-actor.ts";
import { listComplaintStoreLinks } from "../../domain/complaints/complaint-store-links.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildTestApp, signInAs } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

const SECRET = "a-long-shared-inbound-secret";
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM_HEADERS = { "content-type": "application/x-www-form-urlencoded" };

describe.each(testDatabaseKinds)("public complaint page on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let slug: string;

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database, { submissionsPerMinute: 1000, inboundEmailSecret: SECRET });
    org = await buildOrg(database.db, "Kexin <Shops> & Co");
    await database.db.updateTable("stores").set({ name: "静安店 <script>alert(1)</script>" }).where("id", "=", org.storeA).execute();
    const links = await listComplaintStoreLinks({ db: database.db, actor: systemActor(org.orgId), publicUrl: "https://kexin.example" });
    slug = links.items.find((item) => item.storeId === org.storeA)!.slug;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const post = (fields: Record<string, string>, target = app, url = `/c/${slug}`) =>
    target.inject({ method: "POST", url, headers: FORM_HEADERS, payload: form(fields) });
  const complaintsOf = () => database.db.selectFrom("complaints").selectAll().where("org_id", "=", org.orgId).orderBy("created_at").execute();

  it("serves a light form, in the browser's language, with names escaped and no script", async () => {
    const page = await app.inject({ method: "GET", url: `/c/${slug}`, headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain("What happened?");
    expect(page.body).toContain("静安店 &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page.body).toContain("Kexin &lt;Shops&gt; &amp; Co");
    expect(page.body).not.toMatch(/<script/i);
    expect(page.body.length).toBeLessThan(12_000);
    const chinese = await app.inject({ method: "GET", url: `/c/${slug}?lang=zh-TW` });
    expect(chinese.body).toContain("發生了什麼？");
    const unknown = await app.inject({ method: "GET", url: "/c/NoSuchSlug1" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("页面不存在");
  });

  it("files the complaint under the store, links the customer by phone, and answers with the ticket number", async () => {
    const customer = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeB, phone: "138 0013 8000" });
    const response = await post({
      category: "rude_staff",
      body: "收银员很不耐烦，<img src=x onerror=alert(1)> 还摔了东西。",
      staffName: "工号 0231",
      name: "王女士",
      phone: "+86 13800138000",
      email: "",
      language: "zh-CN",
    });
    expect(response.statusCode).toBe(201);
    expect(response.body).toContain("已收到您的投诉");
    const number = /TS-\d{4}-\d{6}/.exec(response.body)![0];
    const [stored] = (await complaintsOf()).filter((row) => row.number === number);
    expect(stored).toMatchObject({
      channel: "public_page",
      store_id: org.storeA,
      customer_id: customer.id,
      category: "rude_staff",
      staff_name: "工号 0231",
      contact_name: "王女士",
      // Markup is kept as the text it is; wherever it is shown it is escaped.
      body: "收银员很不耐烦，<img src=x onerror=alert(1)> 还摔了东西。",
    });
    const cookie = await signInAs(app, org.users.store_manager.email);
    const seen = await app.inject({ method: "GET", url: `/api/complaints/${stored.id}`, headers: { cookie } });
    expect(seen.json()).toMatchObject({ number, customerId: customer.id, storeId: org.storeA });
  });

  it("shows the form again with the field named, the typed text escaped, and nothing stored", async () => {
    const before = (await complaintsOf()).length;
    const noContact = await post({ category: "price", body: "<script>steal()</script> too expensive", name: "Zhang", phone: "", email: "", language: "en" });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.body).toContain('data-testid="error-email"');
    expect(noContact.body).toContain("Give at least a phone number or an email address");
    expect(noContact.body).toContain("&lt;script&gt;steal()&lt;/script&gt; too expensive");
    expect(noContact.body).not.toContain("<script>steal()");

    const badEmail = await post({ category: "price", body: "x", name: "Zhang", email: "not-an-email", language: "en" });
    expect(badEmail.body).toContain('data-testid="error-email"');
    const badCategory = await post({ category: "<b>", body: "x", name: "Zhang", phone: "12345", language: "en" });
    expect(badCategory.body).toContain('data-testid="error-category"');
    const tooLong = await post({ category: "price", body: "长".repeat(5001), name: "Zhang", phone: "12345", language: "zh-CN" });
    expect(tooLong.body).toContain('data-testid="error-body"');
    expect(tooLong.body).toContain("内容太长");
    // A right-to-left override disguises text: refused, with the field named.
    const disguised = await post({ category: "other", body: "refund \u202Egnp.exe", name: "Li", phone: "12345", language: "en" });
    expect(disguised.statusCode).toBe(400);
    expect(disguised.body).toContain('data-testid="error-body"');
    expect((await complaintsOf()).length).toBe(before);

    const json = await app.inject({ method: "POST", url: `/api/public/complaints/${slug}`, payload: { category: "other", body: "x", name: "Li", phone: "12\u000745" } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.field).toBe("phone");
  });

  it("takes the same complaint as JSON for mini-programs", async () => {
    const response = await app.inject({
      method: "POST",
      url: `/api/public/complaints/${slug}`,
      payload: { category: "delivery", body: "Three days late", name: "Sam", email: "sam@example.test", language: "en" },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().number).toMatch(/^TS-/);
    expect((await app.inject({ method: "POST", url: "/api/public/complaints/NoSuchSlug1", payload: { category: "other", body: "x", name: "n", phone: "12345" } })).statusCode).toBe(404);
  });

  it("limits submissions per IP", async () => {
    const limited = await buildTestApp(database, { submissionsPerMinute: 3 });
    try {
      const fields = { category: "other", body: "x", name: "n", phone: "12345", language: "en" };
      const statuses = [];
      for (let attempt = 0; attempt < 5; attempt++) statuses.push((await post(fields, limited)).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      // The form has no script: the refusal is a page in the browser's language, not JSON.
      const refused = await limited.inject({ method: "POST", url: `/c/${slug}`, headers: { ...FORM_HEADERS, "accept-language": "zh-CN" }, payload: form(fields) });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers["content-type"]).toMatch(/^text\/html/);
      expect(refused.body).toContain("提交太频繁");
      // The JSON route for mini-programs (a limit of its own) still answers JSON.
      const sendJson = () =>
        limited.inject({ method: "POST", url: `/api/public/complaints/${slug}`, payload: { category: "other", body: "x", name: "n", phone: "12345" } });
      for (let attempt = 0; attempt < 3; attempt++) expect((await sendJson()).statusCode).toBe(201);
      const json = await sendJson();
      expect(json.statusCode).toBe(429);
      expect(json.json().error.code).toBe("rate_limited");
    } finally {
      await limited.close();
    }
  });

  it("refuses url-encoded forms on every other route", async () => {
    const cookie = await signInAs(app, org.users.admin.email);
    const response = await app.inject({ method: "POST", url: "/api/customers", headers: { ...FORM_HEADERS, cookie }, payload: form({ name: "x" }) });
    expect(response.statusCode).toBe(415);
  });

  describe("inbound email", () => {
    const raw = (subject: string, from = "reader@example.test") =>
      [`From: ${from}`, `Subject: ${subject}`, `Message-ID: <${Math.random()}@example.test>`, "Content-Type: text/plain; charset=utf-8", "", "商品质量太差了"].join("\r\n");
    const send = (payload: string, headers: Record<string, string> = {}, target = app) =>
      target.inject({ method: "POST", url: `/api/public/complaint-emails/${org.orgId}`, headers: { "content-type": "message/rfc822", ...headers }, payload });

    it("answers 404 without the right secret, or when inbound email is off", async () => {
      expect((await send(raw("hi"))).statusCode).toBe(404);
      expect((await send(raw("hi"), { "x-kexin-inbound-secret": "wrong-secret-wrong-secret" })).statusCode).toBe(404);
      const off = await buildTestApp(database);
      try {
        expect((await send(raw("hi"), { "x-kexin-inbound-secret": SECRET }, off)).statusCode).toBe(404);
      } finally {
        await off.close();
      }
    });

    it("files a new complaint, then threads a reply that carries its number", async () => {
      const created = await send(raw("水壶坏了"), { "x-kexin-inbound-secret": SECRET });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ outcome: "created", number: expect.stringMatching(/^TS-/) });
      const threaded = await send(raw(`Re: [${created.json().number}] 水壶坏了`), { "x-kexin-inbound-secret": SECRET, "content-type": "text/plain" });
      expect(threaded.statusCode).toBe(200);
      expect(threaded.json()).toMatchObject({ outcome: "threaded", complaintId: created.json().complaintId });
    });
  });
});
