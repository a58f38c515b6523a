/**
 * Value tiers as a manager meets them: open the value page on the demo data, loosen the VIP rule, see in the preview
 * how many customers would move, save, and see the tier distribution change and a customer who moved wear the VIP
 * badge, with the change on their timeline. Then "recompute now" runs as a background job the page follows until
 * done. Also looks at the churn page. Runs against Kexin as `npm start` runs it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSession, chromiumPath, launchBrowser, screenshot, signIn, startKexin, type ApiCall, type KexinUnderTest } from "./harness.ts";

const SLOW = { timeout: 20_000 };

interface PriorityPage {
  items: { customerId: string; name: string; tier: string | null }[];
  total: number;
}

describe.skipIf(!chromiumPath())("tier rules, from editing to customers moving", () => {
  let kexin: KexinUnderTest;
  let browser: Browser;
  let page: Page;
  let api: ApiCall;

  beforeAll(async () => {
    [kexin, browser] = await Promise.all([startKexin(), launchBrowser()]);
    api = await apiSession(kexin.baseUrl);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  });
  afterAll(async () => {
    await browser?.close();
    await kexin?.stop();
  });

  const vipIds = async () => {
    const list = await api<PriorityPage>("GET", "/api/value/priority?pageSize=200");
    return new Set(list.items.filter((item) => item.tier === "vip").map((item) => item.customerId));
  };
  const vipCount = async () => (await api<{ tiers: { tier: string; customers: number }[] }>("GET", "/api/value/overview")).tiers[0].customers;
  const count = async (tier: string) => Number((await page.getByTestId(`tier-count-${tier}`).innerText()).replace(/[^0-9]/g, ""));

  it("previews a looser VIP rule, saves it, and the tier distribution changes as previewed", async () => {
    // The priority list leaves archived customers out; the tier cards count everyone.
    const vipsBefore = await vipIds();
    const vipCountBefore = await vipCount();
    await signIn(page, kexin.baseUrl);
    await page.getByTestId("nav-value").click();
    await expect.poll(() => count("vip"), SLOW).toBe(vipCountBefore);
    await screenshot(page, "tiers-1-value-page");

    // VIP: the top 5% by gross profit → the top 10%.
    // antd puts the test id on the <input> itself or on its wrapper, depending on the version.
    const value = page
      .locator("input[data-testid='tier-rule-0-condition-0-value'], [data-testid='tier-rule-0-condition-0-value'] input")
      .first();
    await expect.poll(() => value.inputValue(), SLOW).toBe("5");
    await value.fill("10");
    await value.blur();
    await expect.poll(() => page.getByTestId("tier-rules-save").isDisabled()).toBe(true); // preview first

    await page.getByTestId("tier-rules-preview").click();
    const preview = page.getByTestId("tier-preview");
    await preview.waitFor(SLOW);
    const changed = Number(await page.getByTestId("tier-preview-changed").getAttribute("data-changed"));
    const vipAfter = Number((await page.getByTestId("preview-after-vip").innerText()).replace(/[^0-9]/g, ""));
    expect(changed).toBeGreaterThan(0);
    expect(vipAfter).toBeGreaterThan(vipCountBefore);
    await screenshot(page, "tiers-2-preview");

    await page.getByTestId("tier-rules-save").click();
    await expect.poll(() => count("vip"), SLOW).toBe(vipAfter);
    expect(await vipCount()).toBe(vipAfter);
    const vipsAfter = await vipIds();
    expect(vipsAfter.size).toBeGreaterThan(vipsBefore.size);
    await screenshot(page, "tiers-3-saved");

    // A customer who moved up wears the VIP badge, and the move is on their timeline.
    const moved = [...vipsAfter].find((id) => !vipsBefore.has(id))!;
    await page.goto(`${kexin.baseUrl}/customers/${moved}`);
    await expect.poll(() => page.getByTestId("customer-tier").getAttribute("data-tier"), SLOW).toBe("vip");
    await expect.poll(() => page.locator("[data-testid='timeline-item'][data-kind='tier']").count(), SLOW).toBeGreaterThan(0);
    expect(await page.locator("[data-testid='timeline-item'][data-kind='tier']").first().innerText()).toContain("VIP客户");
    await screenshot(page, "tiers-4-customer");
  });

  it("sets a customer's tier by hand only with a reason", async () => {
    const list = await api<PriorityPage>("GET", "/api/value/priority?pageSize=5&page=300");
    const customer = list.items.find((item) => item.tier === "ordinary")!;
    await page.goto(`${kexin.baseUrl}/customers/${customer.customerId}`);
    await expect.poll(() => page.getByTestId("customer-tier").getAttribute("data-tier"), SLOW).toBe("ordinary");
    await page.getByTestId("customer-tier-set").click();
    await page.getByTestId("customer-tier-select").click();
    await page.locator(".ant-select-item-option[title='重要客户']").click();
    await page.getByTestId("customer-tier-save").click();
    await expect.poll(() => page.locator(".ant-form-item-explain-error").count(), SLOW).toBeGreaterThan(0); // reason required
    await page.getByTestId("customer-tier-reason").fill("区域团购负责人，年度采购量大");
    await page.getByTestId("customer-tier-save").click();
    await expect.poll(() => page.getByTestId("customer-tier").getAttribute("data-tier"), SLOW).toBe("important");
    await expect.poll(() => page.getByTestId("customer-tier-card").innerText(), SLOW).toContain("区域团购负责人");
  });

  it("recomputes on demand in the background: the button shows the job queued or running, then done, and the figures refresh", async () => {
    const lastRun = async () => (await api<{ lastRun: { computedAt: string } | null }>("GET", "/api/value/overview")).lastRun?.computedAt;
    const before = await lastRun();
    await page.getByTestId("nav-value").click();
    await page.getByTestId("value-recompute").click();
    const status = page.getByTestId("value-recompute-status");
    await expect.poll(() => status.getAttribute("data-status"), SLOW).toMatch(/^(queued|running|done)$/);
    await expect.poll(() => status.getAttribute("data-status"), { timeout: 90_000, interval: 500 }).toBe("done");
    expect(await status.innerText()).toBe("已完成");
    // The job the button followed (a new one, or the nightly one if it was still running) has computed afresh.
    expect(await lastRun()).not.toBe(before);
    await expect.poll(() => count("vip"), SLOW).toBe(await vipCount());
    await screenshot(page, "tiers-5-recomputed", { fullPage: false });
  });

  it("shows the leaky bucket and the at-risk list to call today", async () => {
    await page.getByTestId("nav-churn").click();
    await page.getByTestId("churn-list-at_risk").waitFor(SLOW);
    await expect.poll(() => page.getByTestId("churn-customer-link").count(), SLOW).toBeGreaterThan(0);
    await screenshot(page, "tiers-6-churn");
  });
});
