/**
 * Starts Kexin as a user would (its own process, embedded PGlite in a fresh folder, demo data seeded on first
 * start) and a headless Chromium to drive it. Screenshots land in test-results/screenshots/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const repoRoot = resolve(import.meta.dirname, "..");
export const screenshotDir = join(repoRoot, "test-results", "screenshots");

export function chromiumPath(): string | undefined {
  return [process.env.KEXIN_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (path): path is string => Boolean(path && existsSync(path)),
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject()));
    });
  });
}

export interface KexinUnderTest {
  baseUrl: string;
  process: ChildProcess;
  output: string[];
  dataDir: string;
  /** SIGTERM, then the data folder is removed unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** kill -9: no shutdown hooks, no flush; the data folder stays for a restart. */
  kill(): Promise<void>;
}

/**
 * Starts Kexin in its own process; pass `dataDir` of an earlier run to restart on the same data. `extraEnv` may be
 * a function of the base URL, for settings that name Kexin's own address (KEXIN_PUBLIC_URL).
 */
export async function startKexin(
  extraEnv: Record<string, string> | ((baseUrl: string) => Record<string, string>) = {},
  { dataDir = mkdtempSync(join(tmpdir(), "kexin-e2e-")) }: { dataDir?: string } = {},
): Promise<KexinUnderTest> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "apps/server/src/main.ts")], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      KEXIN_DATA_DIR: dataDir,
      KEXIN_LOG_LEVEL: "warn",
      ...(typeof extraEnv === "function" ? extraEnv(baseUrl) : extraEnv),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Kexin exited early:\n${output.join("")}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Kexin did not start in time:\n${output.join("")}`);
    await new Promise((wait) => setTimeout(wait, 250));
  }
  const exited = () => new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done(null) : child.once("exit", done)));
  return {
    baseUrl,
    process: child,
    output,
    dataDir,
    stop: async ({ keepData = false } = {}) => {
      child.kill("SIGTERM");
      await exited();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--no-first-run"],
  });
}

/** The whole page by default; `fullPage: false` keeps to the viewport (a dialog over a long page). */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

export const DEMO_ADMIN = { email: "admin@demo.kexin.cn", password: "kexin-demo" };

/** Signs in through the dashboard's sign-in page and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, who: { email: string; password: string } = DEMO_ADMIN): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId("login-email").fill(who.email);
  await page.getByTestId("login-password").fill(who.password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("home-customers").waitFor();
}

export type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** A signed-in HTTP session for setting up or checking what the browser cannot see. Non-2xx answers throw. */
export async function apiSession(baseUrl: string, who: { email: string; password: string } = DEMO_ADMIN): Promise<ApiCall> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(who),
  });
  if (!login.ok) throw new Error(`sign-in as ${who.email}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body !== undefined && { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** A phone as a respondent holds it: 390×844, touch, Chinese. */
export async function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  });
}
