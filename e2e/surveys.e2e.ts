/**
 * A survey from start to answer, as staff and a customer meet it: build it from a template in the dashboard,
 * publish it, print its QR code, answer it on a phone through the address the QR code holds, and read the answer
 * in the report and the follow-up task it opened. Runs against Kexin as `npm start` runs it, in headless Chromium.
 */
import { readFileSync } from "node:fs";
import QRCode from "qrcode";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { readQrCode } from "./qr-reader.ts";

/** Pages load their code and data on demand; a few seconds is normal on a busy test machine. */
const SLOW = { timeout: 15_000 };
const NEW_TITLE = "总的来说,您对今天的购物满意吗?(E2E)";
const COMMENT = "排队结账太慢了,收银台只开了一个。<script>alert(1)</script>";

describe("the QR reader the journey relies on", () => {
  it("reads back what the qrcode package writes, and nothing else", async () => {
    for (const text of ["http://127.0.0.1:41234/s/Ab3dE5gH7k", "https://kexin.example.cn/r/" + "t".repeat(43), "满意度 12345"]) {
      for (const errorCorrectionLevel of ["L", "M", "Q", "H"] as const) {
        const png = await QRCode.toBuffer(text, { type: "png", errorCorrectionLevel, margin: 4, width: 512 });
        expect(readQrCode(png)).toBe(text);
      }
    }
    const blank = await QRCode.toBuffer("x", { type: "png", margin: 4, width: 200, color: { dark: "#ffffffff" } });
    expect(() => readQrCode(blank)).toThrow(/no QR code/);
  });
});

describe.skipIf(!chromiumPath())("a survey from template to report", () => {
  let kexin: KexinUnderTest;
  let browser: Browser;
  let page: Page;
  let phoneContext: BrowserContext;
  let phone: Page;
  let api: ApiCall;
  let surveyId: string;
  let linkId: string;
  let surveyUrl: string;
  /** Any alert() would mean a script in an answer ran somewhere; none may. */
  const dialogs: string[] = [];

  beforeAll(async () => {
    [kexin, browser] = await Promise.all([startKexin((baseUrl) => ({ KEXIN_PUBLIC_URL: baseUrl })), launchBrowser()]);
    api = await apiSession(kexin.baseUrl);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", acceptDownloads: true });
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
  });

  it("builds a survey from the after-purchase CSAT template, edits it and publishes it", async () => {
    await signIn(page, kexin.baseUrl);
    await page.getByTestId("nav-surveys").click();
    await page.getByTestId("survey-new").click();
    await page.getByTestId("survey-template-csat-after-purchase").click();
    await page.getByTestId("survey-create-name").fill("购后回访 · E2E");
    await page.getByTestId("survey-create-submit").click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}\/edit$/);
    surveyId = /\/surveys\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1]!;
    await expect.poll(() => page.getByTestId("builder-name").innerText(), SLOW).toBe("购后回访 · E2E");

    // Reorder with the keyboard, as dnd-kit offers it (space lifts, arrows move, space drops): speed up to second.
    const outline = page.getByTestId("builder-page-1");
    const order = () => outline.locator("[data-testid^='builder-question-']").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-testid")));
    expect(await order()).toEqual([
      "builder-question-overall_csat",
      "builder-question-product_quality",
      "builder-question-staff_attitude",
      "builder-question-service_speed",
      "builder-question-store_environment",
    ]);
    const handle = page.getByTestId("builder-question-service_speed").locator(".kexin-drag-handle");
    await handle.focus();
    for (const key of ["Space", "ArrowUp", "ArrowUp", "Space"]) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250); // dnd-kit measures and animates between key presses, as it would for a person
    }
    await expect.poll(order, SLOW).toEqual([
      "builder-question-overall_csat",
      "builder-question-service_speed",
      "builder-question-product_quality",
      "builder-question-staff_attitude",
      "builder-question-store_environment",
    ]);

    // A new wording for the headline question.
    await page.getByTestId("builder-question-overall_csat").locator(".kexin-outline-select").click();
    const title = page.getByTestId("question-editor").getByTestId("question-title");
    await title.fill(NEW_TITLE);
    await expect.poll(() => page.getByTestId("builder-question-overall_csat").innerText(), SLOW).toContain(NEW_TITLE);
    await page.getByTestId("builder-save").click();
    await expect.poll(() => page.getByTestId("builder-save").isDisabled(), SLOW).toBe(true);
    await screenshot(page, "survey-builder");

    await page.getByTestId("builder-publish").click();
    await page.getByTestId("builder-publish-confirm").click();
    await expect.poll(() => page.getByTestId("survey-status").innerText(), SLOW).toBe("收集中");
    await expect.poll(() => page.getByTestId("builder-version").innerText(), SLOW).toMatch(/1/);

    // What was published is what was built: the server's version 1 has the new order and wording.
    const version = await api<{ definition: { pages: { questions: { key: string; title: Record<string, string> }[] }[] } }>(
      "GET",
      `/api/surveys/${surveyId}/versions/1`,
    );
    const first = version.definition.pages[0]!.questions;
    expect(first.map((question) => question.key).slice(0, 3)).toEqual(["overall_csat", "service_speed", "product_quality"]);
    expect(first[0]!.title["zh-CN"]).toBe(NEW_TITLE);
  });

  it("creates a public link whose QR code holds the address of the respondent page", async () => {
    await page.getByTestId("builder-distribute").click();
    await page.waitForURL(new RegExp(`/surveys/${surveyId}/distribute$`));
    await page.getByTestId("link-create").click();
    await page.getByTestId("link-label-input").fill("收银台二维码");
    await page.getByTestId("link-create-submit").click();
    const row = page.locator("[data-testid^='link-row-']").filter({ hasText: "收银台二维码" });
    await row.waitFor();
    linkId = (await row.getAttribute("data-testid"))!.replace("link-row-", "");
    const shownUrl = (await page.getByTestId(`link-url-${linkId}`).innerText()).trim();

    // Creating the link opens its QR code; the PNG download is what goes to the print shop.
    const modal = page.getByTestId("qr-modal");
    if (!(await modal.isVisible())) await page.getByTestId(`link-qr-${linkId}`).click();
    await modal.waitFor();
    await screenshot(page, "survey-link-qr", { fullPage: false });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("qr-download-png").click()]);
    const png = readFileSync((await download.path())!);
    surveyUrl = readQrCode(png);
    expect(surveyUrl).toMatch(new RegExp(`^${kexin.baseUrl}/s/[0-9A-Za-z]+$`));
    expect(surveyUrl).toBe(shownUrl);

    // The SVG thumbnail on the page draws the very same code.
    const svg = await page.evaluate(async (id) => (await fetch(`/api/survey-links/${id}/qr.svg`)).text(), linkId);
    expect(svg).toBe(await QRCode.toString(surveyUrl, { type: "svg", errorCorrectionLevel: "M", margin: 4 }));
  });

  it("answers on a phone through the address read from the QR code", async () => {
    await phone.goto(surveyUrl);
    const csat = phone.locator("[data-question='overall_csat']");
    await csat.waitFor();
    await expect.poll(() => csat.locator(".question-title").innerText(), SLOW).toContain(NEW_TITLE);
    // The reordered page, as built.
    expect(await phone.locator("[data-question]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-question")))).toEqual([
      "overall_csat",
      "service_speed",
      "product_quality",
      "staff_attitude",
      "store_environment",
    ]);
    await screenshot(phone, "respond-phone-page-1");

    // Next without the required rating: the page says what is missing and stays.
    await phone.getByTestId("respond-next").tap();
    await expect.poll(() => csat.locator(".question-error").isVisible(), SLOW).toBe(true);

    await csat.locator("label.choice", { has: phone.locator("input[value='2']") }).tap();
    await phone.locator("[data-question='service_speed'] label.choice", { has: phone.locator("input[value='1']") }).tap();
    await phone.getByTestId("respond-next").tap();

    const effort = phone.locator("[data-question='customer_effort']");
    await effort.waitFor();
    await effort.locator("label.choice", { has: phone.locator("input[value='2']") }).tap();
    await phone.locator("[data-question='improvement'] textarea").fill(COMMENT);
    // A low rating shows the call-back question (show if CSAT ≤ 3).
    const callback = phone.locator("[data-question='callback_wanted']");
    await expect.poll(() => callback.isVisible(), SLOW).toBe(true);
    await callback.locator("label.choice", { has: phone.locator("input[value='yes']") }).tap();
    await screenshot(phone, "respond-phone-page-2");
    await phone.getByTestId("respond-next").tap();

    await phone.getByTestId("respond-thanks").waitFor();
    await screenshot(phone, "respond-phone-thanks");

    // Stored as given: the script in the comment is text, nothing ran it.
    const stored = await api<{ items: { channel: string; version: number; answers: Record<string, unknown> }[]; total: number }>(
      "GET",
      `/api/surveys/${surveyId}/responses`,
    );
    expect(stored.total).toBe(1);
    expect(stored.items[0]).toMatchObject({ channel: "link", version: 1 });
    expect(stored.items[0]!.answers).toEqual({
      overall_csat: 2,
      service_speed: 1,
      customer_effort: 2,
      improvement: COMMENT,
      callback_wanted: "yes",
    });
  });

  it("shows the answer in the survey report and opens a follow-up task", async () => {
    await page.goto(`${kexin.baseUrl}/surveys/${surveyId}/report`);
    await expect.poll(() => page.getByTestId("report-responses").innerText(), SLOW).toBe("1");
    // One answer of 2 on a 5-point CSAT scale: nobody satisfied (4–5), so CSAT is 0%.
    await expect.poll(() => page.getByTestId("report-csat").innerText(), SLOW).toMatch(/^0(\.0)?\s*%$/);
    const question = page.getByTestId("report-question-overall_csat");
    await expect.poll(() => question.innerText(), SLOW).toContain(NEW_TITLE);
    await expect.poll(() => question.innerText(), SLOW).toMatch(/1/);
    await page.waitForTimeout(800); // let the charts finish their entry animation before the screenshot
    await screenshot(page, "survey-report");

    const tasks = await api<{ items: { id: string; surveyId: string | null; title: string }[] }>(
      "GET",
      "/api/tasks?status=open&kind=follow_up&pageSize=200",
    );
    const task = tasks.items.find((item) => item.surveyId === surveyId);
    expect(task, "the CSAT 2 answer opened a follow-up task").toBeDefined();
    await page.goto(`${kexin.baseUrl}/tasks?scope=all&due=open&kind=follow_up`);
    const row = page.getByTestId(`task-row-${task!.id}`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/CSAT 2/);
    await screenshot(page, "survey-follow-up-task");
    expect(dialogs).toEqual([]);
  });
});
