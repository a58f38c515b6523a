/**
 * Greetings over HTTP on every database: a template with bad liquid answers 400 naming the field, previews respect
 * store scope, a campaign's preview count is what it sends, letters are listed per store, uncertain letters are
 * settled by a person, and the customer's timeline shows each letter.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import type { Mailer } from "../../domain/mail/mailer.ts";
import { createSmtpMailer } from "../../domain/mail/smtp-mailer.ts";
import { eraseCustomer } from "../../domain/customers/erase-customer.ts";
import { createChannels } from "../../domain/greetings/channels/create-channels.ts";
import { buildCustomersWithEmail } from "../../domain/greetings/greeting-test-support.ts";
import { runGreetings } from "../../domain/greetings/run-greetings.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { startLocalSmtpServer, type LocalSmtpServer } from "../../testing/local-smtp-server.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

describe.each(testDatabaseKinds)("greetings API on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  let server: LocalSmtpServer;
  let mailer: Mailer;
  let customersA: { id: string; email: string }[];

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    server = await startLocalSmtpServer();
    mailer = createSmtpMailer({ url: server.url, from: "Kexin <greetings@kexin.test>" });
    customersA = await buildCustomersWithEmail(database.db, org.orgId, 4, { prefix: "a", storeId: org.storeA, gender: "male" });
    await buildCustomersWithEmail(database.db, org.orgId, 2, { prefix: "b", storeId: org.storeB });
  });
  afterAll(async () => {
    await mailer.close();
    await server.close();
    await app.close();
    await database.close();
  });

  const call = (who: SessionKey, method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload && { payload }) });

  it("lists the built-in templates and refuses bad liquid with 400 naming the field", async () => {
    const list = await call("agent", "GET", "/api/greetings/templates");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.filter((template: { builtinKey: string | null }) => template.builtinKey).length).toBeGreaterThanOrEqual(16);

    const base = { name: "Test", language: "zh-CN", subject: "您好 {{ customer.salutation }}" };
    const syntax = await call("manager", "POST", "/api/greetings/templates", { ...base, body: "{% if customer.name %}没有结束" });
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error).toMatchObject({ code: "greeting.template_invalid", field: "body" });
    expect(syntax.json().error.message).toMatch(/^body: tag .*if.* not closed/);

    const include = await call("manager", "POST", "/api/greetings/templates", { ...base, body: "{% include '/etc/passwd' %}" });
    expect(include.json().error).toMatchObject({ code: "greeting.template_invalid", field: "body" });

    const misspelt = await call("manager", "POST", "/api/greetings/templates", { ...base, subject: "您好 {{ custmer.name }}", body: "x" });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error).toMatchObject({ field: "subject" });
    expect(misspelt.json().error.message).toContain("custmer");

    const good = await call("manager", "POST", "/api/greetings/templates", { ...base, body: "{{ customer.salutation }}，您好" });
    expect(good.statusCode).toBe(201);
    const agentWrite = await call("agent", "POST", "/api/greetings/templates", { ...base, body: "x" });
    expect(agentWrite.statusCode).toBe(403);
  });

  it("previews a template for a customer in scope, 404 for another store's", async () => {
    const preview = await call("store_manager", "POST", "/api/greetings/preview", {
      customerId: customersA[0].id,
      subject: "{{ customer.salutation }}，{{ occasion.name }}",
      body: "<i>{{ customer.name }}</i>",
      language: "zh-CN",
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ subject: expect.stringMatching(/^客先生，/), text: "<i>客户a-0</i>" });
    expect(preview.json().html).toContain("&lt;i&gt;客户a-0&lt;/i&gt;");
    const other = await call("storeManagerB", "POST", "/api/greetings/preview", { customerId: customersA[0].id, subject: "x", body: "y" });
    expect(other.statusCode).toBe(404);
    const incomplete = await call("manager", "POST", "/api/greetings/preview", { customerId: customersA[0].id });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.field).toBe("templateId");
  });

  it("schedules a campaign whose preview count is what it sends; letters show per store and on the timeline", async () => {
    const templates = (await call("manager", "GET", "/api/greetings/templates")).json().items as { id: string; builtinKey: string; language: string }[];
    const thankYou = templates.find((template) => template.builtinKey === "thank_you" && template.language === "zh-CN")!;
    const segment = { storeIds: [org.storeA] };
    const preview = await call("manager", "POST", "/api/greetings/campaigns/preview", { segment, channel: "email" });
    expect(preview.json()).toEqual({ matched: 4, sendable: 4, optedOut: 0, noAddress: 0 });
    const scopedPreview = await call("storeManagerB", "POST", "/api/greetings/campaigns/preview", { segment, channel: "email" });
    expect(scopedPreview.json().matched).toBe(0);

    const past = await call("manager", "POST", "/api/greetings/campaigns", {
      name: "过去",
      templateId: thankYou.id,
      segment,
      scheduledAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.field).toBe("scheduledAt");

    const scheduledAt = new Date(Date.now() + 1000);
    const created = await call("manager", "POST", "/api/greetings/campaigns", { name: "感谢信", templateId: thankYou.id, segment, scheduledAt: scheduledAt.toISOString() });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: "scheduled", estimatedCount: 4 });

    // Run the job at 10:00 Shanghai on the campaign's day, after its time.
    const now = new Date(Math.max(scheduledAt.getTime() + 1000, Date.now()));
    await database.db.updateTable("greeting_campaigns").set({ scheduled_at: new Date(now.getTime() - 1000) }).where("id", "=", created.json().id).execute();
    await database.db
      .insertInto("greeting_settings")
      .values({ org_id: org.orgId, quiet_start: "00:00", quiet_end: "00:00" })
      .onConflict((conflict) => conflict.column("org_id").doUpdateSet({ quiet_start: "00:00", quiet_end: "00:00" }))
      .execute();
    const result = await runGreetings({
      db: database.db,
      orgId: org.orgId,
      channels: createChannels({ mailer, messageOutboxDir: "/nonexistent" }),
      now,
      deadline: new Date(Date.now() + 30_000),
      messageIdDomain: "kexin.test",
    });
    expect(result.sent.sent).toBe(4);
    await server.waitForMessages(4);

    const campaigns = (await call("agent", "GET", "/api/greetings/campaigns")).json().items;
    expect(campaigns[0]).toMatchObject({ status: "done", counts: { sent: 4 } });
    const asManagerA = await call("store_manager", "GET", "/api/greetings/deliveries?status=sent");
    expect(asManagerA.json()).toMatchObject({ total: 4, countsByStatus: { sent: 4 } });
    const asManagerB = await call("storeManagerB", "GET", "/api/greetings/deliveries");
    expect(asManagerB.json().total).toBe(0);

    const timeline = await call("agent", "GET", `/api/customers/${customersA[0].id}/timeline`);
    const messages = timeline.json().items.filter((event: { kind: string }) => event.kind === "message");
    expect(messages).toHaveLength(1);
    expect(messages[0].summary).toMatch(/^email · sent · /);

    // Erasing the customer removes the address and subject from the letter's record; that it went stays.
    await eraseCustomer({ db: database.db, actor: org.users.admin.actor, id: customersA[0].id });
    const erased = await database.db.selectFrom("message_deliveries").selectAll().where("customer_id", "=", customersA[0].id).executeTakeFirstOrThrow();
    expect(erased).toMatchObject({ status: "sent", recipient: null, subject: null });
  });

  it("lets a manager settle an uncertain letter, and only an uncertain or failed one", async () => {
    const [row] = await database.db
      .insertInto("message_deliveries")
      .values({
        org_id: org.orgId,
        customer_id: customersA[1].id,
        occasion_key: "birthday:2027",
        channel: "email",
        status: "uncertain",
        due_at: new Date(),
      })
      .returning("id")
      .execute();
    const agent = await call("agent", "POST", `/api/greetings/deliveries/${row.id}/resolve`, { action: "mark_sent" });
    expect(agent.statusCode).toBe(403);
    const marked = await call("manager", "POST", `/api/greetings/deliveries/${row.id}/resolve`, { action: "mark_sent" });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ status: "sent", reason: "mark_sent by manager user" });
    const again = await call("manager", "POST", `/api/greetings/deliveries/${row.id}/resolve`, { action: "resend" });
    expect(again.statusCode).toBe(409);
  });

  it("validates rules and settings, naming the field", async () => {
    const rule = await call("manager", "POST", "/api/greetings/rules", {
      name: "生日",
      occasion: "birthday",
      templateId: "3f2b9c1e-0000-4000-8000-000000000000",
    });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().error.field).toBe("templateId");
    const settings = await call("manager", "PUT", "/api/greetings/settings", { timeZone: "Mars/Olympus", quietStart: "21:00", quietEnd: "09:00" });
    expect(settings.statusCode).toBe(400);
    expect(settings.json().error.field).toBe("timeZone");
    const clock = await call("manager", "PUT", "/api/greetings/settings", { timeZone: "Asia/Shanghai", quietStart: "25:00", quietEnd: "09:00" });
    expect(clock.statusCode).toBe(400);
    const occasions = await call("agent", "GET", "/api/greetings/occasions?year=2026");
    expect(occasions.json().items).toContainEqual({ occasion: "spring_festival", date: "2026-02-17" });
  });
});
