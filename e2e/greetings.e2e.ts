/**
 * A greeting campaign from the template to the customer's timeline: the manager 周建国 previews the built-in
 * 新品推荐 letter for a VIP customer (it greets them by name), builds a campaign to the VIP customers of 上海静安店,
 * sees how many it reaches, and schedules it for now. The greetings job, run by Kexin's own background worker (it
 * ticks every minute; nothing here triggers it), sends one letter per customer of the segment to a local SMTP
 * server — as many as the preview counted, and no more on its next run — and the letter shows as sent on the
 * customer's timeline. The administrator finds the scheduling in the audit log.
 */
import type { GreetingCampaign, JobList, PriorityList, SegmentPreview } from "@kexin/contracts";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { surnameOf } from "../apps/server/src/domain/greetings/merge-fields.ts";
import { startLocalSmtpServer, type LocalSmtpServer } from "../apps/server/src/testing/local-smtp-server.ts";
import { parseMail } from "../apps/server/src/testing/parse-mail.ts";
import { apiSession, chromiumPath, launchBrowser, screenshot, signIn, startKexin, type ApiCall, type KexinUnderTest } from "./harness.ts";

const SLOW = { timeout: 20_000 };
/** The greetings job runs once a minute: a letter may wait that long, on a busy machine a little more. */
const FOR_THE_WORKER = { timeout: 150_000, interval: 1_000 };
const MANAGER = { email: "manager@demo.kexin.cn", password: "kexin-demo" };
const STORE = "上海静安店";
const CAMPAIGN = "新品到店 · 上海静安店 VIP";

interface Delivery {
  id: string;
  customerId: string;
  status: string;
  recipient: string | null;
  updatedAt: string;
}

/** Polls (once a second) until `condition` holds, for setup outside a test, where expect.poll is not available. */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * Picks `label` in an antd Select (single or multiple) and closes its list. The list is virtual (only the options in
 * view exist), so it is scrolled with the mouse wheel, as a person would, until the option shows.
 */
async function choose(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  // The list of the select chosen before may still be fading out: take the one opening.
  const dropdown = page.locator(".ant-select-dropdown:visible:not([class*='-leave'])").last();
  await dropdown.waitFor();
  const option = dropdown.locator(".ant-select-item-option").filter({ hasText: label }).first();
  for (let step = 0; step < 30 && !(await option.isVisible()); step++) {
    await dropdown.hover();
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(100);
  }
  await option.click();
  await page.keyboard.press("Escape");
}

describe.skipIf(!chromiumPath())("a greeting campaign from the template to the customer's timeline", () => {
  let smtp: LocalSmtpServer;
  let kexin: KexinUnderTest;
  let browser: Browser;
  let page: Page;
  let admin: ApiCall;
  let customer: { id: string; name: string; salutation: string; email: string };
  let sendable: number;
  let campaign: GreetingCampaign;
  let deliveries: Delivery[];
  const dialogs: string[] = [];

  /** Letters of this campaign that reached the SMTP server, by the delivery id each one carries. */
  const campaignMails = () => {
    const ids = new Set(deliveries.map((delivery) => delivery.id));
    return smtp.messages
      .map((message) => ({ to: message.to, mail: parseMail(message.raw) }))
      .filter((entry) => entry.mail.headers.get("x-kexin-kind") === "greeting" && ids.has(entry.mail.headers.get("x-kexin-delivery") ?? ""));
  };
  const loadDeliveries = async () =>
    (await admin<{ items: Delivery[] }>("GET", `/api/greetings/deliveries?campaignId=${campaign.id}&pageSize=200`)).items;
  const greetingRunsFinishedAfter = async (moment: number) =>
    (await admin<JobList>("GET", "/api/jobs?status=done&pageSize=200")).items.filter(
      (job) => job.kind === "greetings.send" && job.finishedAt !== null && Date.parse(job.finishedAt) > moment,
    ).length;

  beforeAll(async () => {
    smtp = await startLocalSmtpServer();
    [kexin, browser] = await Promise.all([startKexin((baseUrl) => ({ KEXIN_PUBLIC_URL: baseUrl, KEXIN_SMTP_URL: smtp.url })), launchBrowser()]);
    admin = await apiSession(kexin.baseUrl);
    // The worker's first sweep recomputes every customer's tier (the nightly job of a fresh install): let it finish,
    // so the VIP segment does not change between the preview count and the send.
    await until(
      async () => (await admin<JobList>("GET", "/api/jobs?status=done&pageSize=200")).items.some((job) => job.kind === "value.recompute"),
      "the first tier recompute",
    );
    // Quiet hours (21:00–09:00 by default) would hold the letters until morning; the journey must pass at any hour.
    await admin("PUT", "/api/greetings/settings", { timeZone: "Asia/Shanghai", quietStart: "00:00", quietEnd: "00:00" });

    // A VIP woman or man of the store, with an email she or he has not opted out of: the preview and the timeline.
    const vips = (await admin<PriorityList>("GET", "/api/value/priority?pageSize=200")).items.filter(
      (item) => item.tier === "vip" && item.homeStoreName === STORE,
    );
    for (const vip of vips) {
      const found = await admin<{ id: string; name: string; kind: string; gender: string; email: string | null; consent: { email?: boolean } }>(
        "GET",
        `/api/customers/${vip.customerId}`,
      );
      if (found.kind === "person" && found.gender !== "unknown" && found.email && found.consent.email !== false) {
        customer = { ...found, email: found.email, salutation: `${surnameOf(found.name)}${found.gender === "female" ? "女士" : "先生"}` };
        break;
      }
    }
    expect(customer, "the demo has a VIP customer of 上海静安店 with an email").toBeDefined();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await kexin?.stop();
    await smtp?.close();
  });

  it("previews the built-in 新品推荐 letter for a customer, who is greeted by name", async () => {
    await signIn(page, kexin.baseUrl, MANAGER);
    await page.getByTestId("nav-greetings").click();
    await page.getByTestId("greeting-template-list").waitFor(SLOW);
    await page.getByTestId("greeting-template-item").filter({ hasText: "新品推荐" }).first().click();
    await expect.poll(() => page.getByTestId("greeting-template-subject").inputValue(), SLOW).toContain("新品到店");

    const picker = page.getByTestId("greeting-preview-customer");
    await picker.click();
    await page.keyboard.type(customer.name);
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: customer.email }).first().click(SLOW);
    await expect.poll(() => page.getByTestId("greeting-preview-subject").textContent(), SLOW).toBe(`${customer.salutation}，新品到店，先请您看看`);
    await expect.poll(() => page.getByTestId("greeting-preview-text").textContent(), SLOW).toContain(`尊敬的${customer.salutation}：`);
    expect(await page.getByTestId("greeting-preview-text").textContent()).toContain(STORE);
    await screenshot(page, "greetings-1-preview");
  });

  it("builds a campaign to the store's VIP customers, sees how many it reaches, and schedules it for now", async () => {
    await page.getByRole("tab", { name: "群发活动" }).click();
    const form = page.getByTestId("greeting-campaign-form");
    await form.waitFor(SLOW);
    await page.getByTestId("campaign-name").fill(CAMPAIGN);
    await choose(page, page.getByTestId("campaign-template"), "新品推荐 (zh-CN)");
    await choose(page, page.getByTestId("segment-tiers"), "VIP客户");
    await choose(page, page.getByTestId("segment-stores"), STORE);
    // "Now" on the browser's clock, as the datetime-local field takes it.
    const now = await page.evaluate(() => {
      const at = new Date();
      return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    });
    await page.getByTestId("campaign-time").fill(now);

    await page.getByTestId("campaign-count").click();
    const counted = page.getByTestId("campaign-count-result");
    await expect.poll(() => counted.textContent(), SLOW).toMatch(/可发送 \d+ 人/);
    sendable = Number(/可发送 (\d+) 人/.exec((await counted.textContent())!)![1]);
    const stores = await admin<{ id: string; name: string }[]>("GET", "/api/stores");
    const segment = { tiers: ["vip"], storeIds: [stores.find((store) => store.name === STORE)!.id] };
    const byApi = await admin<SegmentPreview>("POST", "/api/greetings/campaigns/preview", { segment, channel: "email" });
    expect(sendable).toBe(byApi.sendable);
    expect(sendable).toBeGreaterThan(1);
    await screenshot(page, "greetings-2-campaign-form");

    await page.getByTestId("campaign-schedule").click();
    const row = page.getByTestId("greeting-campaigns").locator("tr", { hasText: CAMPAIGN });
    await expect.poll(() => row.textContent(), SLOW).toContain(`预估 ${sendable}`);
    campaign = (await admin<{ items: GreetingCampaign[] }>("GET", "/api/greetings/campaigns")).items.find((item) => item.name === CAMPAIGN)!;
    expect(campaign).toMatchObject({ estimatedCount: sendable, channel: "email", segment });
  });

  it(
    "the background greetings job sends one letter to each customer of the segment, and no more on its next run",
    async () => {
      await expect.poll(async () => (deliveries = await loadDeliveries()).filter((delivery) => delivery.status === "sent").length, FOR_THE_WORKER).toBe(sendable);
      const sent = deliveries.filter((delivery) => delivery.status === "sent");
      expect(new Set(sent.map((delivery) => delivery.customerId)).size).toBe(sendable);
      expect(sent.map((delivery) => delivery.customerId)).toContain(customer.id);
      await expect.poll(() => campaignMails().length, SLOW).toBe(sendable);

      // Let the job run once more: it must find nothing left to send for this campaign.
      const allSent = Date.now();
      await expect.poll(() => greetingRunsFinishedAfter(allSent), FOR_THE_WORKER).toBeGreaterThan(0);
      const mails = campaignMails();
      expect(mails).toHaveLength(sendable);
      expect(new Set(mails.map((entry) => entry.mail.headers.get("x-kexin-delivery"))).size).toBe(sendable);
      expect(mails.map((entry) => entry.to[0]).sort()).toEqual(sent.map((delivery) => delivery.recipient).sort());
      const toCustomer = mails.find((entry) => entry.to[0] === customer.email)!;
      expect(toCustomer.mail.subject).toBe(`${customer.salutation}，新品到店，先请您看看`);

      await page.reload();
      const row = page.getByTestId("greeting-campaigns").locator("tr", { hasText: CAMPAIGN });
      await expect.poll(() => row.textContent(), SLOW).toContain("已完成");
      expect(await row.textContent()).toContain(`已发送 ${sendable}`);
      await screenshot(page, "greetings-3-campaign-sent");
    },
    400_000,
  );

  it("the administrator finds the scheduling in the audit log, named in Chinese, by the manager", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const adminPage = await context.newPage();
    try {
      await signIn(adminPage, kexin.baseUrl);
      await adminPage.getByTestId("nav-audit").click();
      await choose(adminPage, adminPage.getByTestId("audit-action-filter"), "安排群发活动");
      const entry = adminPage.locator(".ant-table-row").filter({ hasText: CAMPAIGN });
      await expect.poll(() => entry.count(), SLOW).toBe(1);
      const text = await entry.innerText();
      expect(text).toContain("周建国");
      expect(text).toContain("greeting.campaign_schedule");
      expect(text).toContain(`"estimatedCount":${sendable}`);
      await adminPage.getByRole("heading", { name: "审计日志" }).click();
      await expect.poll(() => adminPage.locator(".ant-select-dropdown:visible").count(), SLOW).toBe(0);
      await screenshot(adminPage, "greetings-5-audit", { fullPage: false });
    } finally {
      await context.close();
    }
  });

  it("the letter shows as sent on the customer's timeline", async () => {
    const ours = (await loadDeliveries()).find((delivery) => delivery.customerId === customer.id)!;
    // The timeline shows a letter at its last update, in the reader's time: that pins this letter, not the demo's
    // spring campaign with the same template three weeks ago.
    const at = await page.evaluate(
      (iso) => new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(new Date(iso)),
      ours.updatedAt,
    );
    await page.goto(`${kexin.baseUrl}/customers/${customer.id}`);
    const letter = page.locator("[data-testid='timeline-item'][data-kind='message']").filter({ hasText: at }).filter({ hasText: "新品到店" });
    await expect.poll(() => letter.count(), SLOW).toBe(1);
    const text = await letter.innerText();
    expect(text).toContain(`邮件 · 已发送 · ${customer.salutation}，新品到店，先请您看看`);
    await letter.scrollIntoViewIfNeeded();
    await screenshot(page, "greetings-4-timeline", { fullPage: false });
    expect(dialogs).toEqual([]);
  });
});
