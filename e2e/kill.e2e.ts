/**
 * The durability promise, tested the hard way: while clients post survey answers as fast as they can, the server
 * gets kill -9. After a restart on the same data, every answer that was acknowledged (a 2xx with a response id)
 * must be there. Runs on embedded PGlite and, when KEXIN_TEST_POSTGRES_URL is set, on PostgreSQL.
 */
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startKexin, type KexinUnderTest } from "./harness.ts";

const ADMIN = { email: "admin@demo.kexin.cn", password: "kexin-demo" };
const CLIENTS = 12;
const LOAD_BEFORE_KILL_MS = 4_000;

const definition = {
  title: { "zh-CN": "断电测试", en: "Kill test" },
  languages: ["zh-CN"],
  pages: [
    {
      key: "p1",
      questions: [
        { key: "nps", type: "nps", title: { "zh-CN": "推荐意愿" } },
        { key: "comment", type: "text", title: { "zh-CN": "意见" }, required: false },
      ],
    },
  ],
};

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}

async function api<T>(baseUrl: string, cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A live survey with a public link; returns what a respondent needs. */
async function publishSurvey(baseUrl: string): Promise<{ surveyId: string; slug: string; version: number }> {
  const cookie = await signIn(baseUrl);
  const survey = await api<{ id: string }>(baseUrl, cookie, "POST", "/api/surveys", { name: "Kill test", definition });
  const published = await api<{ currentVersion: number }>(baseUrl, cookie, "POST", `/api/surveys/${survey.id}/publish`);
  const link = await api<{ slug: string }>(baseUrl, cookie, "POST", `/api/surveys/${survey.id}/links`, {
    kind: "public",
    label: "counter",
  });
  return { surveyId: survey.id, slug: link.slug, version: published.currentVersion };
}

/** Posts answers from several clients until told to stop; collects the response ids the server acknowledged. */
function startLoad(baseUrl: string, slug: string, version: number) {
  const acknowledged = new Map<string, string>();
  let isRunning = true;
  let failures = 0;
  const client = async () => {
    while (isRunning) {
      const submissionKey = randomUUID();
      try {
        const response = await fetch(`${baseUrl}/api/public/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            slug,
            version,
            submissionKey,
            language: "zh-CN",
            answers: { nps: acknowledged.size % 11, comment: `load ${submissionKey.slice(0, 8)}` },
          }),
        });
        if (response.status === 200 || response.status === 201) {
          const receipt = (await response.json()) as { responseId: string };
          acknowledged.set(submissionKey, receipt.responseId);
        } else failures++;
      } catch {
        failures++; // the connection died with the server: not acknowledged, so not promised
        await new Promise((wait) => setTimeout(wait, 20));
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  return {
    acknowledged,
    failures: () => failures,
    stop: async () => {
      isRunning = false;
      await Promise.all(clients);
    },
  };
}

async function storedResponseIds(baseUrl: string, surveyId: string): Promise<Set<string>> {
  const cookie = await signIn(baseUrl);
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const list = await api<{ items: { id: string }[]; total: number }>(
      baseUrl,
      cookie,
      "GET",
      `/api/surveys/${surveyId}/responses?page=${page}&pageSize=200`,
    );
    for (const item of list.items) ids.add(item.id);
    if (list.items.length === 0 || ids.size >= list.total) return ids;
  }
}

interface Target {
  name: string;
  env: () => Promise<Record<string, string>>;
  cleanup: () => Promise<void>;
}

const postgresUrl = process.env.KEXIN_TEST_POSTGRES_URL;
const postgresDatabase = `kexin_kill_${randomBytes(4).toString("hex")}`;
const targets: Target[] = [
  { name: "pglite", env: async () => ({}), cleanup: async () => {} },
  ...(postgresUrl
    ? [
        {
          name: "postgres",
          env: async () => {
            const admin = new pg.Client({ connectionString: postgresUrl });
            await admin.connect();
            await admin.query(`create database ${postgresDatabase}`);
            await admin.end();
            const url = new URL(postgresUrl);
            url.pathname = `/${postgresDatabase}`;
            return { DATABASE_URL: url.toString() };
          },
          cleanup: async () => {
            const admin = new pg.Client({ connectionString: postgresUrl });
            await admin.connect();
            await admin.query(`drop database if exists ${postgresDatabase} with (force)`);
            await admin.end();
          },
        },
      ]
    : []),
];

describe.each(targets)("kill -9 under load on $name", (target) => {
  let running: KexinUnderTest | undefined;
  afterAll(async () => {
    await running?.stop();
    await target.cleanup();
  });

  it("keeps every acknowledged answer", async () => {
    const env = { ...(await target.env()), KEXIN_SUBMIT_RATE_LIMIT: "1000000" };
    const first = await startKexin(env);
    running = first;
    const { surveyId, slug, version } = await publishSurvey(first.baseUrl);

    const load = startLoad(first.baseUrl, slug, version);
    await new Promise((wait) => setTimeout(wait, LOAD_BEFORE_KILL_MS));
    await first.kill();
    await load.stop();
    const acknowledged = [...load.acknowledged.values()];
    expect(acknowledged.length, "the load must have been acknowledged before the kill").toBeGreaterThan(50);

    const second = await startKexin(env, { dataDir: first.dataDir });
    running = second;
    const stored = await storedResponseIds(second.baseUrl, surveyId);
    const missing = acknowledged.filter((id) => !stored.has(id));
    console.log(
      `[kill test ${target.name}] acknowledged ${acknowledged.length}, stored ${stored.size}, ` +
        `unacknowledged attempts ${load.failures()}, missing ${missing.length}`,
    );
    expect(missing).toEqual([]);
  });
});
