/**
 * An account manager works through today's plan tasks, as the demo has them: the agent 李雨萱 signs in, opens
 * today's tasks, records a reached call to a B2B VIP account with its service figures and a call that did not get
 * through, sees both leave the list and land on the customers' timelines (the figures on the customer page's trend
 * too). Then a manager regenerates the plans' tasks and is told nothing new was created.
 */
import type { Task } from "@kexin/contracts";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSession, chromiumPath, launchBrowser, screenshot, signIn, startKexin, type ApiCall, type KexinUnderTest } from "./harness.ts";

const SLOW = { timeout: 20_000 };
const AGENT = { email: "agent@demo.kexin.cn", password: "kexin-demo" };
const MANAGER = { email: "manager@demo.kexin.cn", password: "kexin-demo" };

/** antd puts a test id on the input itself or on its wrapper, depending on the component. */
async function inputOf(field: Locator): Promise<Locator> {
  return (await field.evaluate((element) => element.tagName)) === "INPUT" ? field : field.locator("input");
}

describe.skipIf(!chromiumPath())("an account manager works through today's tasks", () => {
  let kexin: KexinUnderTest;
  let browser: Browser;
  let page: Page;
  let agentApi: ApiCall;
  let companyTask: Task;
  let personTask: Task;

  beforeAll(async () => {
    [kexin, browser] = await Promise.all([startKexin(), launchBrowser()]);
    agentApi = await apiSession(kexin.baseUrl, AGENT);
    const today = await agentApi<{ items: Task[] }>("GET", "/api/tasks?mine=true&status=open&due=today&pageSize=20");
    companyTask = today.items.find((task) => task.customerKind === "company" && task.recordsServiceFigures)!;
    personTask = today.items.find((task) => task.customerKind === "person" && task.sourceType === "plan")!;
    expect(companyTask, "the demo gives the agent a B2B VIP account to call").toBeDefined();
    expect(personTask).toBeDefined();
    // Chinese staff read due times in Beijing time.
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  });

  afterAll(async () => {
    await browser?.close();
    await kexin?.stop();
  });

  it("opens today's tasks: their own plan calls, VIP first", async () => {
    await signIn(page, kexin.baseUrl, AGENT);
    await page.getByTestId("nav-tasks").click();
    await page.getByTestId("tasks-due").getByText("今天到期").click();
    await page.waitForURL(/due=today/);
    await page.getByTestId(`task-row-${companyTask.id}`).waitFor(SLOW);
    await expect(page.getByTestId(`task-plan-${companyTask.id}`).textContent()).resolves.toBe("VIP客户计划");
    await expect(page.getByTestId(`task-due-${companyTask.id}`).textContent()).resolves.toContain("23:59");
    await screenshot(page, "plans-tasks-today");
  });

  it("records a reached call with the B2B service figures, and the task leaves the list", async () => {
    await (await inputOf(page.getByTestId(`task-figure-ontime-${companyTask.id}`))).fill("96.5");
    await (await inputOf(page.getByTestId(`task-figure-inspection-${companyTask.id}`))).fill("98");
    await page.getByTestId(`task-note-${companyTask.id}`).fill("上周两批次延迟，已协调");
    await page.getByTestId(`task-outcome-${companyTask.id}-reached`).click();
    await page.getByTestId(`task-row-${companyTask.id}`).waitFor({ state: "detached", ...SLOW });

    const done = await agentApi<{ items: Task[] }>("GET", `/api/tasks?customerId=${companyTask.customerId}&status=done&pageSize=50`);
    expect(done.items.find((task) => task.id === companyTask.id)).toMatchObject({
      status: "done",
      outcome: "reached",
      serviceFigures: { onTimeDeliveryRate: 96.5, inspectionPassRate: 98 },
    });
  });

  it("records a call that did not get through in one click", async () => {
    await page.getByTestId(`task-outcome-${personTask.id}-not_reached`).click();
    await page.getByTestId(`task-row-${personTask.id}`).waitFor({ state: "detached", ...SLOW });
    const open = await agentApi<{ items: Task[] }>("GET", "/api/tasks?mine=true&status=open&due=today&pageSize=200");
    expect(open.items.map((task) => task.id)).not.toContain(personTask.id);
  });

  it("shows both outcomes on the customers' timelines, and the figures on the B2B customer's trend", async () => {
    await page.goto(`${kexin.baseUrl}/customers/${companyTask.customerId}`);
    const timeline = page.getByText("电话：已联系上 · 准时交付率 96.5% · 验货合格率 98% — 上周两批次延迟，已协调");
    await timeline.first().waitFor(SLOW);
    await page.getByTestId("service-figures-chart").waitFor(SLOW);
    await expect(page.getByTestId("service-figures-latest").textContent()).resolves.toContain("96.5%");
    await screenshot(page, "plans-customer-figures");

    await page.goto(`${kexin.baseUrl}/customers/${personTask.customerId}`);
    await page.getByText("电话：未联系上").first().waitFor(SLOW);
  });

  it("lets a manager regenerate the plans' tasks without duplicating any", async () => {
    const managerPage = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    await signIn(managerPage, kexin.baseUrl, MANAGER);
    await managerPage.goto(`${kexin.baseUrl}/plans`);
    await managerPage.getByTestId("plan-vip").waitFor(SLOW);
    await managerPage.getByTestId("plans-regenerate").click();
    const result = managerPage.getByTestId("plans-generation");
    await result.waitFor(SLOW);
    await expect(result.textContent()).resolves.toMatch(/新建 0 条/);
    await screenshot(managerPage, "plans-page");
    await managerPage.close();
  });
});
