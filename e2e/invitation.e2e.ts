/**
 * A personal survey invitation, end to end: staff invite a customer from the dashboard, Kexin sends the email to a
 * real SMTP server on loopback, the customer opens the single-use link on a phone and answers, the link then says
 * it has been used, and the dashboard shows the invitation answered and the answer on the customer's timeline.
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

/** Pages load their code and data on demand; a few seconds is normal on a busy test machine. */
const SLOW = { timeout: 15_000 };
const SURVEY_NAME = "年度客户关系调研 · E2E";

interface CustomerSummary {
  id: string;
  code: string;
  name: string;
  email: string | null;
}

interface CustomerDetail extends CustomerSummary {
  kind: string;
  status: string;
  consent: { email?: boolean } | null;
  accountManagerId: string | null;
}

describe.skipIf(!chromiumPath())("an email invitation answered through its link", () => {
  let smtp: LocalSmtpServer;
  let kexin: KexinUnderTest;
  let browser: Browser;
  let page: Page;
  let phoneContext: BrowserContext;
  let phone: Page;
  let api: ApiCall;
  let customer: CustomerDetail;
  let surveyId: string;
  let invitationLink: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    smtp = await startLocalSmtpServer();
    [kexin, browser] = await Promise.all([
      startKexin((baseUrl) => ({ KEXIN_PUBLIC_URL: baseUrl, KEXIN_SMTP_URL: smtp.url })),
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

  it("picks a demo customer who has an email address and agreed to email", async () => {
    const list = await api<{ items: CustomerSummary[] }>("GET", "/api/customers?pageSize=50");
    for (const candidate of list.items.filter((item) => item.email)) {
      const detail = await api<CustomerDetail>("GET", `/api/customers/${candidate.id}`);
      if (detail.kind === "person" && detail.status === "active" && detail.consent?.email === true && detail.accountManagerId) {
        customer = detail;
        break;
      }
    }
    expect(customer, "the demo data has a customer who can be invited by email").toBeDefined();
  });

  it("publishes a survey from the NPS relationship template and invites the customer from the dashboard", async () => {
    await signIn(page, kexin.baseUrl);
    await page.getByTestId("nav-surveys").click();
    await page.getByTestId("survey-new").click();
    await page.getByTestId("survey-template-nps-relationship").click();
    await page.getByTestId("survey-create-name").fill(SURVEY_NAME);
    await page.getByTestId("survey-create-submit").click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}\/edit$/);
    surveyId = /\/surveys\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1]!;
    await page.getByTestId("builder-publish").click();
    await page.getByTestId("builder-publish-confirm").click();
    await expect.poll(() => page.getByTestId("survey-status").innerText(), SLOW).toBe("收集中");

    await page.getByTestId("builder-distribute").click();
    await page.waitForURL(new RegExp(`/surveys/${surveyId}/distribute$`));
    const picker = page.getByTestId("invite-customers");
    await picker.click();
    await picker.locator("input").fill(customer.code);
    const option = page.locator(".ant-select-item-option").filter({ hasText: customer.code });
    await option.click();
    await page.keyboard.press("Escape");
    await expect.poll(() => picker.innerText(), SLOW).toContain(customer.name);
    await page.getByTestId("invite-send").click();
    const result = page.getByTestId("invite-result");
    await result.waitFor();
    const invitations = await api<{ items: { id: string; customerId: string; status: string }[] }>("GET", `/api/surveys/${surveyId}/invitations`);
    expect(invitations.items.map(({ customerId, status }) => ({ customerId, status }))).toEqual([{ customerId: customer.id, status: "sent" }]);
    await expect.poll(() => page.getByTestId(`invitation-status-${invitations.items[0]!.id}`).innerText(), SLOW).toBe("已发送");
    await screenshot(page, "invitation-sent");
  });

  it("delivers the invitation to the SMTP server with a personal link", async () => {
    const [mail] = await smtp.waitForMessages(1, 30_000);
    expect(mail!.to).toEqual([customer.email]);
    const parsed = parseMail(mail!.raw);
    const version = await api<{ definition: { title: Record<string, string> } }>("GET", `/api/surveys/${surveyId}/versions/1`);
    expect(parsed.subject).toContain(version.definition.title["zh-CN"]);
    expect(parsed.text).toContain(customer.name);
    const links = parsed.text.match(/https?:\/\/\S+\/r\/[A-Za-z0-9_-]+/g) ?? [];
    expect(links).toHaveLength(1);
    invitationLink = links[0]!;
    expect(invitationLink.startsWith(`${kexin.baseUrl}/r/`)).toBe(true);
    expect(parsed.html).toContain(`href="${invitationLink}"`);
  });

  it("answers on a phone through the link in the email, once", async () => {
    await phone.goto(invitationLink);
    const nps = phone.locator("[data-question='nps']");
    await nps.waitFor();
    await screenshot(phone, "invitation-phone-page-1");
    await nps.locator("label.choice", { has: phone.locator("input[value='3']") }).tap();
    const reason = phone.locator("[data-question='detractor_reason']");
    await expect.poll(() => reason.isVisible(), SLOW).toBe(true);
    await reason.locator("textarea").fill("送货晚了两天,客服电话也一直打不通。");
    await phone.getByTestId("respond-next").tap();

    const drivers = phone.locator("[data-question='score_drivers']");
    await drivers.waitFor();
    await drivers.locator("label.choice", { has: phone.locator("input[value='delivery']") }).tap();
    await drivers.locator("label.choice", { has: phone.locator("input[value='after_sales']") }).tap();
    await phone.locator("[data-question='relationship_length'] label.choice", { has: phone.locator("input[value='years_1_to_3']") }).tap();
    await phone.getByTestId("respond-next").tap();
    await phone.getByTestId("respond-thanks").waitFor();
    await screenshot(phone, "invitation-phone-thanks");

    // The same link again, reloaded: it has been used.
    expect(phone.url()).toBe(invitationLink);
    await phone.reload();
    await phone.getByTestId("respond-alreadyAnswered").waitFor();
    expect(await phone.getByTestId("respond-alreadyAnswered").innerText()).toContain("您已经完成过这份问卷");
    await screenshot(phone, "invitation-phone-already-answered");
  });

  it("shows the invitation answered and the answer on the customer's timeline", async () => {
    const invitations = await api<{ items: { id: string; customerId: string; status: string }[]; total: number }>(
      "GET",
      `/api/surveys/${surveyId}/invitations`,
    );
    expect(invitations.total).toBe(1);
    const invitation = invitations.items[0]!;
    expect(invitation).toMatchObject({ customerId: customer.id, status: "answered" });

    await page.reload();
    await expect.poll(() => page.getByTestId(`invitation-status-${invitation.id}`).innerText(), SLOW).toBe("已回答");
    await screenshot(page, "invitation-answered");

    const responses = await api<{ items: { customerId: string | null; channel: string; answers: Record<string, unknown> }[] }>(
      "GET",
      `/api/surveys/${surveyId}/responses`,
    );
    expect(responses.items).toHaveLength(1);
    expect(responses.items[0]).toMatchObject({ customerId: customer.id, channel: "email" });
    expect(responses.items[0]!.answers).toMatchObject({ nps: 3, score_drivers: ["delivery", "after_sales"], relationship_length: "years_1_to_3" });

    await page.goto(`${kexin.baseUrl}/customers/${customer.id}`);
    await page.getByTestId("customer-name").waitFor();
    const surveyEntry = page.locator("[data-testid='timeline-item'][data-kind='survey']").filter({ hasText: SURVEY_NAME });
    await expect.poll(() => surveyEntry.count(), SLOW).toBe(1);
    // NPS 3 is a detractor: the closed loop gave the customer's account manager a follow-up.
    await expect.poll(() => page.getByTestId("customer-open-tasks").innerText(), SLOW).toMatch(/NPS 3/);
    await screenshot(page, "invitation-customer-timeline");
    expect(dialogs).toEqual([]);
  });
});
