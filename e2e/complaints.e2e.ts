/**
 * A complaint from the public page to its recovery survey: a customer files it on a phone from the store's
 * complaint page, the store manager answers it in the dashboard (an email that reaches a local SMTP server with the
 * ticket number), the resolution target is breached (the escalation sweep is run at a clock thirty days on, through
 * the test-only hook of a server started with KEXIN_TEST_HOOKS=true) and escalated to the store manager and then
 * the manager, it is resolved with compensation and closed — and the recovery survey invitation arrives by email.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalSmtpServer, type LocalSmtpServer } from "../apps/server/src/testing/local-smtp-server.ts";
import { parseMail } from "../apps/server/src/testing/parse-mail.ts";
import {
  apiSession,
  chromiumPath,
  launchBrowser,
  newPhoneContext,
  screenshot,
  signIn,
  startKexin,
  type ApiCall,
  type KexinUnderTest,
} from "./harness.ts";

const SLOW = { timeout: 20_000 };
const STORE_MANAGER = { email: "sh01@demo.kexin.cn", password: "kexin-demo" };
const CUSTOMER_EMAIL = "e2e.complainer@example.test";
const BODY = "收银员态度很差，还把找零扔在台面上。<script>alert(1)</script>";

describe.skipIf(!chromiumPath())("a complaint from the public page to its recovery survey", () => {
  let smtp: LocalSmtpServer;
  let kexin: KexinUnderTest;
  let browser: Browser;
  let page: Page;
  let phoneContext: BrowserContext;
  let phone: Page;
  let api: ApiCall;
  let number: string;
  let complaintId: string;
  const dialogs: string[] = [];
  const mails = () => smtp.messages.map((message) => ({ to: message.to, mail: parseMail(message.raw) }));
  const kindOf = (entry: { mail: { headers: Map<string, string> } }) => entry.mail.headers.get("x-kexin-kind");

  beforeAll(async () => {
    smtp = await startLocalSmtpServer();
    [kexin, browser] = await Promise.all([
      // The background worker stays off, so nothing but this journey moves the complaint (the sweep runs on demand).
      startKexin((baseUrl) => ({ KEXIN_PUBLIC_URL: baseUrl, KEXIN_SMTP_URL: smtp.url, KEXIN_TEST_HOOKS: "true", KEXIN_WORKER: "off" })),
      launchBrowser(),
    ]);
    api = await apiSession(kexin.baseUrl);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    phoneContext = await newPhoneContext(browser);
    phone = await phoneContext.newPage();
    for (const each of [page, phone]) {
      each.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await kexin?.stop();
    await smtp?.close();
  });

  it("files a complaint from the store's page on a phone", async () => {
    const stores = await api<{ id: string; code: string }[]>("GET", "/api/stores");
    const shanghai = stores.find((store) => store.code === "SH01")!;
    // The complainer is a known customer of the store (so the recovery survey can reach them).
    await api("POST", "/api/customers", { name: "投诉测试客户", email: CUSTOMER_EMAIL, homeStoreId: shanghai.id });
    const links = await api<{ items: { storeId: string; url: string }[] }>("GET", "/api/complaints/store-links");
    const url = links.items.find((link) => link.storeId === shanghai.id)!.url;
    expect(url).toMatch(/\/c\/[A-Za-z0-9]{10}$/);

    const response = await phone.goto(url);
    expect(response?.status()).toBe(200);
    // Light on a phone: one HTML document, no script, nothing of the dashboard's bundle.
    expect(await phone.locator("script").count()).toBe(0);
    await phone.getByTestId("complaint-category").selectOption("rude_staff");
    await phone.getByTestId("complaint-body").fill(BODY);
    await phone.getByTestId("complaint-name").fill("陈女士");
    await phone.getByTestId("complaint-submit").click();
    // No phone or email: the form comes back with the field named and the text kept.
    await expect(phone.getByTestId("error-email").textContent()).resolves.toContain("至少填写");
    await expect(phone.getByTestId("complaint-body").inputValue()).resolves.toBe(BODY);
    await screenshot(phone, "complaints-public-error");
    await phone.getByTestId("complaint-email").fill(CUSTOMER_EMAIL);
    await phone.getByTestId("complaint-staffName").fill("工号 0231");
    await phone.getByTestId("complaint-submit").click();
    number = (await phone.getByTestId("complaint-number").textContent(SLOW))!.trim();
    expect(number).toMatch(/^TS-\d{4}-\d{6}$/);
    await screenshot(phone, "complaints-public-thanks");
  });

  it("the store manager finds it with its timers and answers the customer by email", async () => {
    await signIn(page, kexin.baseUrl, STORE_MANAGER);
    await page.goto(`${kexin.baseUrl}/complaints`);
    await page.getByTestId(`complaint-row-${number}`).waitFor(SLOW);
    await expect(page.getByTestId(`first-response-${number}`).getAttribute("data-state")).resolves.toBe("running");
    await screenshot(page, "complaints-list");
    await page.getByTestId(`complaint-link-${number}`).click();
    await page.getByTestId("complaint-body").waitFor(SLOW);
    complaintId = page.url().split("/").pop()!;
    // The customer's markup is shown as text.
    await expect(page.getByTestId("complaint-body").textContent()).resolves.toBe(BODY);
    await page.getByTestId("complaint-reply-body").fill("陈女士您好，非常抱歉。我们已找当班收银员了解情况，今天会电话联系您。");
    await page.getByTestId("complaint-reply-send").click();
    await page.getByTestId("complaint-event-reply").waitFor(SLOW);
    await expect(page.getByTestId("complaint-first-response").getAttribute("data-state")).resolves.toBe("met");
    const [reply] = (await smtp.waitForMessages(1, 30_000)).map((message) => parseMail(message.raw));
    expect(reply.subject).toContain(`[${number}]`);
    expect(reply.headers.get("x-kexin-kind")).toBe("complaint-reply");
  });

  it("escalates on breach: to the store manager, then to the manager", async () => {
    const thirtyDaysOn = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const run = await api<{ escalated: number }>("POST", "/api/complaints/escalation-runs", { now: thirtyDaysOn });
    expect(run.escalated).toBeGreaterThanOrEqual(2);
    // Run again at the same clock: one escalation per level, never two.
    expect((await api<{ escalated: number }>("POST", "/api/complaints/escalation-runs", { now: thirtyDaysOn })).escalated).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId("complaint-escalation-level").textContent(), SLOW).toContain("2");
    await expect(page.getByTestId("complaint-escalations").textContent()).resolves.toContain(STORE_MANAGER.email);
    await expect(page.getByTestId("complaint-escalations").textContent()).resolves.toContain("manager@demo.kexin.cn");
    await screenshot(page, "complaints-escalated");
    const forThisTicket = () => mails().filter((entry) => kindOf(entry) === "complaint-escalation" && entry.mail.text.includes(complaintId));
    for (let wait = 0; wait < 100 && forThisTicket().length < 2; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(forThisTicket().map((entry) => entry.to[0]).sort()).toEqual(["manager@demo.kexin.cn", STORE_MANAGER.email]);
  });

  it("is resolved with compensation and closed, and the recovery survey invitation arrives", async () => {
    await page.getByTestId("complaint-resolve").click();
    await page.getByTestId("complaint-resolve-note").fill("当面致歉，已对收银员进行服务培训。");
    await page.getByTestId("complaint-compensation-kind").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "代金券" }).click();
    await page.getByTestId("complaint-compensation-amount").fill("50");
    await page.getByTestId("complaint-resolve-submit").click();
    // textContent() reads once as soon as the element exists: poll until the saved status shows.
    await expect.poll(() => page.getByTestId("complaint-status").first().textContent(), SLOW).toBe("已解决");
    await page.getByTestId("complaint-close").click();
    await expect.poll(() => page.getByTestId("complaint-recovery-status").textContent(), SLOW).toBe("已发送");
    await screenshot(page, "complaints-closed");

    for (let wait = 0; wait < 100 && !mails().some((entry) => kindOf(entry) === "survey-invitation"); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const invitation = mails().find((entry) => kindOf(entry) === "survey-invitation");
    expect(invitation?.to).toEqual([CUSTOMER_EMAIL]);
    expect(invitation?.mail.text).toContain(`${kexin.baseUrl}/r/`);
    const complaint = await api<{ status: string; compensation: { kind: string; amount: number } }>("GET", `/api/complaints/${complaintId}`);
    expect(complaint).toMatchObject({ status: "closed", compensation: { kind: "voucher", amount: 50 } });
    expect(dialogs).toEqual([]);
  });
});
