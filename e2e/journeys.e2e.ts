/**
 * What a member of staff does on a first day: sign in, find a customer, add a note to the timeline, switch the
 * language, import a small file. Runs against Kexin as `npm start` runs it, in headless Chromium.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, repoRoot, screenshot, startKexin, type KexinUnderTest } from "./harness.ts";

const ADMIN = { email: "admin@demo.kexin.cn", password: "kexin-demo" };

describe.skipIf(!chromiumPath())("browser journeys", () => {
  let kexin: KexinUnderTest;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    kexin = await startKexin();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
  });

  afterAll(async () => {
    await browser?.close();
    await kexin?.stop();
  });

  it("signs in and shows real figures on the home page", async () => {
    await page.goto(kexin.baseUrl);
    await page.getByTestId("login-email").fill(ADMIN.email);
    await page.getByTestId("login-password").fill(ADMIN.password);
    await page.getByTestId("login-submit").click();
    const customers = page.getByTestId("home-customers");
    await customers.waitFor();
    await expect.poll(async () => Number((await customers.innerText()).replace(/\D/g, ""))).toBeGreaterThan(1000);
    await page.waitForTimeout(800); // let the charts finish their entry animation before the screenshot
    await screenshot(page, "home-zh-CN");
  });

  it("finds a customer by name and adds a note to the timeline", async () => {
    await page.getByTestId("nav-customers").click();
    const firstRow = page.getByTestId("customer-row").first();
    await firstRow.waitFor();
    const name = (await firstRow.locator("td").nth(1).innerText()).trim() || (await firstRow.innerText()).split("\n")[0];
    await page.getByTestId("customer-search").fill(name);
    await page.getByTestId("customer-search").press("Enter");
    // Every row left is a match: the search ran on the server, not a page that happened to contain the name.
    await expect
      .poll(async () => (await page.getByTestId("customer-row").allInnerTexts()).every((row) => row.includes(name)), { timeout: 10_000 })
      .toBe(true);
    expect(await page.getByTestId("customer-row").count()).toBeLessThan(20);
    await screenshot(page, "customers-search");
    await page.getByTestId("customer-row").first().locator("a").first().click();
    await page.getByTestId("customer-name").waitFor();

    const note = `回访记录 ${Date.now()}`;
    await page.getByTestId("interaction-kind").click();
    await page.locator(".ant-select-item-option").filter({ hasText: /备注|Note|備註/ }).first().click();
    await page.getByTestId("interaction-summary").fill(note);
    await page.getByTestId("interaction-submit").click();
    await expect.poll(() => page.getByTestId("timeline-item").filter({ hasText: note }).count()).toBe(1);
    await screenshot(page, "customer-with-note");
  });

  it("switches the language to English and remembers it after a reload", async () => {
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("lang-en").click();
    await expect.poll(() => page.getByTestId("nav-customers").innerText()).toMatch(/Customers/);
    await page.reload();
    await expect.poll(() => page.getByTestId("nav-customers").innerText()).toMatch(/Customers/);
    await screenshot(page, "customer-en");
  });

  it("imports a small customer file after a dry run", async () => {
    await page.getByTestId("nav-import").click();
    await page.getByTestId("import-file").setInputFiles(join(repoRoot, "e2e/fixtures/customers-small.csv"));
    await page.getByTestId("import-dry-run").click();
    await page.getByTestId("import-submit").waitFor();
    await page.getByTestId("import-submit").click();
    await expect.poll(() => page.getByTestId("import-result").innerText(), { timeout: 60_000 }).toMatch(/3/);
    await screenshot(page, "import-done");

    await page.getByTestId("nav-customers").click();
    await page.getByTestId("customer-row").first().waitFor();
    await page.getByTestId("customer-search").fill("E2E导入");
    await page.getByTestId("customer-search").press("Enter");
    await expect.poll(() => page.getByTestId("customer-row").count(), { timeout: 10_000 }).toBe(3);
    await screenshot(page, "customers-imported");
  });
});
