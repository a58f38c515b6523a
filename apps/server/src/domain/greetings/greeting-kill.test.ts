/**
 * Killed mid-run: a worker process sends a campaign to a local SMTP server and gets kill -9 once some letters
 * arrived; the job then runs again on the same database. No customer may get a letter twice, every letter not in
 * flight at the kill must be sent, and the few in flight are 'uncertain' (each arrived at most once).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/database.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { buildOrg } from "../../testing/factories.ts";
import { startLocalSmtpServer } from "../../testing/local-smtp-server.ts";
import { createBulkSmtpMailer } from "../mail/bulk-smtp/index.ts";
import { createChannels } from "./channels/create-channels.ts";
import { buildCustomersWithEmail, builtinTemplateId, insertCampaign, MORNING } from "./greeting-test-support.ts";
import { runGreetings } from "./run-greetings.ts";
import { SEND_LEASE_MS } from "./send-due-deliveries.ts";

const CUSTOMERS = 60;
const CLAIM_SIZE = 5;
const KILL_AFTER = 17;
const childScript = resolve(import.meta.dirname, "greeting-kill-child.ts");
const postgresUrl = process.env.KEXIN_TEST_POSTGRES_URL;
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function pgliteUrl(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "kexin-greeting-kill-"));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  return `pglite:${join(directory, "db")}`;
}

async function postgresDatabaseUrl(adminUrl: string): Promise<string> {
  const name = `kexin_kill_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const targets = [
  { name: "pglite", url: pgliteUrl },
  ...(postgresUrl ? [{ name: "postgres", url: () => postgresDatabaseUrl(postgresUrl) }] : []),
];

describe.each(targets)("greetings worker killed mid-run ($name)", (target) => {
  it("sends no letter twice and every letter not in flight once", { timeout: 120_000 }, async () => {
    const url = await target.url();
    const server = await startLocalSmtpServer();
    cleanups.push(() => server.close());

    // Set up, then close: an on-disk PGlite may be open in one process at a time.
    let database = await openDatabase(url);
    await migrateToLatest(database.db);
    const org = await buildOrg(database.db);
    const templateId = await builtinTemplateId(database.db, org.orgId, "spring_festival");
    const customers = await buildCustomersWithEmail(database.db, org.orgId, CUSTOMERS, { prefix: "kill" });
    await insertCampaign(database.db, org.orgId, { templateId });
    await database.close();

    const child = spawn(process.execPath, ["--import", "tsx", childScript], {
      env: {
        ...process.env,
        KEXIN_KILL_DATABASE_URL: url,
        KEXIN_KILL_ORG_ID: org.orgId,
        KEXIN_KILL_SMTP_URL: server.url,
        KEXIN_KILL_NOW: MORNING.toISOString(),
        KEXIN_KILL_CLAIM_SIZE: String(CLAIM_SIZE),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let childError = "";
    child.stderr.on("data", (chunk: Buffer) => (childError += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((done) => child.once("exit", (_code, signal) => done(signal)));
    await server.waitForMessages(KILL_AFTER, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}; child stderr: ${childError}`);
    });
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const arrivedBeforeKill = server.messages.length;
    expect(arrivedBeforeKill, "the kill must land mid-run").toBeLessThan(CUSTOMERS);

    // Restart after the dead worker's lease ran out.
    database = await openDatabase(url);
    const mailer = createBulkSmtpMailer({ url: server.url, from: "Kexin <greetings@kexin.test>" });
    try {
      const restart = await runGreetings({
        db: database.db,
        orgId: org.orgId,
        channels: createChannels({ mailer, messageOutboxDir: "/nonexistent" }),
        now: new Date(MORNING.getTime() + SEND_LEASE_MS + 60_000),
        deadline: new Date(Date.now() + 60_000),
        messageIdDomain: "kexin.test",
      });
      expect(restart.sent.sent).toBeGreaterThan(0);
      const rows = await database.db
        .selectFrom("message_deliveries")
        .select(["recipient", "status", "customer_id"])
        .where("org_id", "=", org.orgId)
        .execute();
      await new Promise((done) => setTimeout(done, 300));

      const received = new Map<string, number>();
      for (const message of server.messages) received.set(message.to[0], (received.get(message.to[0]) ?? 0) + 1);
      const emailOf = new Map(customers.map((customer) => [customer.id, customer.email]));
      const duplicates = [...received].filter(([, count]) => count > 1);
      expect(duplicates, "no customer gets the letter twice").toEqual([]);
      expect(rows).toHaveLength(CUSTOMERS);
      const sent = rows.filter((row) => row.status === "sent");
      const uncertain = rows.filter((row) => row.status === "uncertain");
      expect(sent.length + uncertain.length, `statuses: ${rows.map((row) => row.status).join(",")}`).toBe(CUSTOMERS);
      expect(uncertain.length).toBeLessThanOrEqual(2 * CLAIM_SIZE);
      for (const row of sent) expect(received.get(emailOf.get(row.customer_id)!), "a sent row arrived once").toBe(1);
      expect(server.messages.length).toBe(sent.length + uncertain.filter((row) => received.has(emailOf.get(row.customer_id)!)).length);
      console.info(
        `[greeting kill ${target.name}] arrived before kill ${arrivedBeforeKill}, sent ${sent.length}, ` +
          `uncertain ${uncertain.length} (of which arrived ${uncertain.filter((row) => received.has(emailOf.get(row.customer_id)!)).length}), ` +
          `sent after restart ${restart.sent.sent}`,
      );
    } finally {
      await mailer.close();
      await database.close();
    }
  });
});
