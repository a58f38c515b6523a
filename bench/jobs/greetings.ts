/**
 * Greeting campaign benchmark: a campaign to 100,000 customers on PostgreSQL, sent by the greetings job through
 * Kexin's bulk SMTP sender to an SMTP server on loopback (smtp-server in a child process, counting what arrives),
 * against two baselines with no database, sending the same 100,000 letters rendered beforehand: nodemailer's pooled
 * transport, and the bulk sender alone. Afterwards every customer must have received exactly one letter and every
 * delivery row must read 'sent'.
 *
 *   npx tsx bench/jobs/greetings.ts
 *
 * Environment: KEXIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:55432/postgres; a fresh database is
 * created and dropped), KEXIN_BENCH_CUSTOMERS (100000), KEXIN_BENCH_SMTP_CONNECTIONS (8), KEXIN_BENCH_CLAIM (500),
 * KEXIN_BENCH_WRITE (0 to skip writing BENCHMARKS.md), KEXIN_BENCH_NODEMAILER (0 to skip the slow nodemailer baseline while
 * trying changes; the BENCHMARKS.md section is then not written), KEXIN_BENCH_PROFILE (a directory: write a CPU profile of
 * the greetings job there).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import os from "node:os";
import { join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { migrateToLatest } from "../../apps/server/src/db/migrate.ts";
import { createChannels } from "../../apps/server/src/domain/greetings/channels/create-channels.ts";
import { ensureBuiltinTemplates } from "../../apps/server/src/domain/greetings/ensure-builtin-templates.ts";
import { buildMergeFields, loadMergeSources } from "../../apps/server/src/domain/greetings/merge-fields.ts";
import { runGreetings } from "../../apps/server/src/domain/greetings/run-greetings.ts";
import { compileTemplate, renderTemplate } from "../../apps/server/src/domain/greetings/template-engine.ts";
import { createBulkSmtpMailer } from "../../apps/server/src/domain/mail/bulk-smtp/index.ts";
import { writeBenchmarkSection } from "../support/benchmarks-file.ts";
import { openThrowawayDatabase } from "../support/throwaway-database.ts";

const env = process.env;
const CUSTOMERS = Number(env.KEXIN_BENCH_CUSTOMERS ?? 100_000);
const CONNECTIONS = Number(env.KEXIN_BENCH_SMTP_CONNECTIONS ?? 8);
const CLAIM = Number(env.KEXIN_BENCH_CLAIM ?? 500);
const TARGET_SECONDS = 60;
const isNodemailerMeasured = env.KEXIN_BENCH_NODEMAILER !== "0";
const FROM = "Kexin <greetings@bench.kexin.test>";

// ---- The SMTP sink (child process): accepts everything, counts messages and distinct recipients. ----
if (process.argv.includes("--sink")) {
  let messages = 0;
  const recipients = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 1_000_000,
    maxClients: 200,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        messages++;
        for (const recipient of session.envelope.rcptTo) recipients.add(recipient.address);
        callback();
      });
    },
  });
  server.on("error", () => {});
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.server.address() as AddressInfo).port }));
  process.on("message", (request: { type: string }) => {
    if (request.type === "count") process.send!({ messages, distinct: recipients.size });
    if (request.type === "reset") {
      messages = 0;
      recipients.clear();
      process.send!({ reset: true });
    }
  });
} else {
  await main();
}

/** KEXIN_BENCH_PROFILE=<dir>: a V8 CPU profile of the greetings job alone (open it in Chrome DevTools). */
async function startProfiler(): Promise<{ stop(directory: string): Promise<string> }> {
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((done, fail) => session.post(method, (error, result) => (error ? fail(error) : done(result))));
  await post("Profiler.enable");
  await post("Profiler.start");
  return {
    async stop(directory) {
      const { profile } = (await post("Profiler.stop")) as { profile: object };
      session.disconnect();
      mkdirSync(directory, { recursive: true });
      const file = join(directory, `greetings-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    child.once("message", (answer) => resolve(answer as T));
    child.send({ type });
  });
}

async function startSink(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "--sink"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const { port } = await new Promise<{ port: number }>((resolve) => child.once("message", (message) => resolve(message as { port: number })));
  return { child, url: `smtp://127.0.0.1:${port}` };
}

async function main() {
  const sink = await startSink();
  const { database, dispose } = await openThrowawayDatabase("postgres");
  const db = database.db;
  try {
    await migrateToLatest(db);
    const org = await db.insertInto("orgs").values({ name: "可信茶行" }).returning("id").executeTakeFirstOrThrow();
    const store = await db
      .insertInto("stores")
      .values({ org_id: org.id, code: "JA", name: "静安店", city: "上海" })
      .returning("id")
      .executeTakeFirstOrThrow();
    // No quiet hours: the benchmark must not depend on the hour it runs at.
    await db.insertInto("greeting_settings").values({ org_id: org.id, quiet_start: "00:00", quiet_end: "00:00" }).execute();
    await ensureBuiltinTemplates(db, org.id);
    const template = await db
      .selectFrom("greeting_templates")
      .selectAll()
      .where("org_id", "=", org.id)
      .where("builtin_key", "=", "spring_festival")
      .where("language", "=", "zh-CN")
      .executeTakeFirstOrThrow();

    let started = Date.now();
    await sql`
      insert into customers (org_id, name, gender, email, home_store_id, attributes)
      select ${org.id}::uuid, '客户' || i, case when i % 2 = 0 then 'female' else 'male' end,
             'c' || i || '@bench.kexin.test', ${store.id}::uuid,
             case when i % 3 = 0 then jsonb_build_object('points', i % 5000) else '{}'::jsonb end
      from generate_series(1, ${CUSTOMERS}) as i
    `.execute(db);
    await sql`
      insert into transactions (org_id, customer_id, store_id, occurred_at, amount)
      select c.org_id, c.id, c.home_store_id, now() - (random() * interval '300 days'), round((50 + random() * 2000)::numeric, 2)
      from customers c where c.org_id = ${org.id}
    `.execute(db);
    await sql`analyze`.execute(db);
    console.log(`seeded ${CUSTOMERS} customers and purchases in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Baseline: the same letters, rendered beforehand (not timed), sent by nodemailer's pooled transport.
    started = Date.now();
    const compiled = compileTemplate(template);
    const ids = (await db.selectFrom("customers").select("id").where("org_id", "=", org.id).orderBy("id").execute()).map((row) => row.id);
    const messages: { to: string; subject: string; text: string; html: string }[] = [];
    for (let start = 0; start < ids.length; start += 2000) {
      const sources = await loadMergeSources(db, org.id, ids.slice(start, start + 2000));
      for (const source of sources.values()) {
        const rendered = await renderTemplate(
          compiled,
          buildMergeFields(source, {
            language: "zh-CN",
            occasion: { key: "bench", kind: "spring_festival", date: "2027-02-06" },
            orgName: "可信茶行",
            now: new Date(),
            timeZone: "Asia/Shanghai",
          }),
        );
        messages.push({ to: source.email!, ...rendered });
      }
    }
    const renderSeconds = (Date.now() - started) / 1000;
    console.log(`rendered ${messages.length} letters for the baseline in ${renderSeconds.toFixed(1)} s (not timed)`);
    const transport = nodemailer.createTransport({ url: sink.url, pool: true, maxConnections: CONNECTIONS, disableFileAccess: true, disableUrlAccess: true });
    started = Date.now();
    for (let start = 0; start < messages.length && isNodemailerMeasured; start += CLAIM) {
      await Promise.all(messages.slice(start, start + CLAIM).map((message) => transport.sendMail({ from: FROM, ...message })));
    }
    const baselineSeconds = (Date.now() - started) / 1000;
    transport.close();
    const baselineCount = await ask<{ messages: number; distinct: number }>(sink.child, "count");
    console.log(`baseline (nodemailer): ${baselineCount.messages} messages in ${baselineSeconds.toFixed(1)} s`);
    await ask(sink.child, "reset");

    // Second baseline: the same letters through the bulk sender Kexin uses, still with no database.
    const bulkBaseline = createBulkSmtpMailer({ url: sink.url, from: FROM, maxConnections: CONNECTIONS });
    started = Date.now();
    for (let start = 0; start < messages.length; start += CLAIM) {
      await Promise.all(messages.slice(start, start + CLAIM).map((message) => bulkBaseline.send(message)));
    }
    const bulkSeconds = (Date.now() - started) / 1000;
    await bulkBaseline.close();
    const bulkCount = await ask<{ messages: number; distinct: number }>(sink.child, "count");
    console.log(`baseline (bulk sender): ${bulkCount.messages} messages in ${bulkSeconds.toFixed(1)} s`);
    messages.length = 0;
    await ask(sink.child, "reset");

    // Kexin: schedule the campaign and run the greetings job until it is done.
    await db
      .insertInto("greeting_campaigns")
      .values({ org_id: org.id, name: "新春问候", template_id: template.id, channel: "email", scheduled_at: new Date(Date.now() - 60_000) })
      .execute();
    const mailer = createBulkSmtpMailer({ url: sink.url, from: FROM, maxConnections: CONNECTIONS });
    started = Date.now();
    const cpuBefore = process.cpuUsage();
    const profiler = env.KEXIN_BENCH_PROFILE ? await startProfiler() : undefined;
    const result = await runGreetings({
      db,
      orgId: org.id,
      channels: createChannels({ mailer, messageOutboxDir: os.tmpdir() }),
      now: new Date(),
      deadline: new Date(Date.now() + 30 * 60_000),
      messageIdDomain: "bench.kexin.test",
      claimSize: CLAIM,
    });
    const kexinSeconds = (Date.now() - started) / 1000;
    const kexinCpu = process.cpuUsage(cpuBefore);
    if (profiler) console.log(`CPU profile of the greetings job: ${await profiler.stop(resolve(env.KEXIN_BENCH_PROFILE!))}`);
    console.log(`kexin process CPU: ${((kexinCpu.user + kexinCpu.system) / 1e6).toFixed(1)} s of ${kexinSeconds.toFixed(1)} s`);
    await mailer.close();
    const kexinCount = await ask<{ messages: number; distinct: number }>(sink.child, "count");
    const statuses = await db
      .selectFrom("message_deliveries")
      .select(["status", sql<string>`count(*)`.as("count")])
      .where("org_id", "=", org.id)
      .groupBy("status")
      .execute();
    const sentRows = Number(statuses.find((row) => row.status === "sent")?.count ?? 0);
    if (sentRows < CUSTOMERS) {
      const reasons = await db
        .selectFrom("message_deliveries")
        .select(["reason", sql<string>`count(*)`.as("count")])
        .where("org_id", "=", org.id)
        .where("status", "!=", "sent")
        .groupBy("reason")
        .execute();
      console.log(`not sent: ${JSON.stringify(reasons)}`);
    }
    console.log(`kexin: ${kexinCount.messages} messages (${kexinCount.distinct} distinct) in ${kexinSeconds.toFixed(1)} s; rows ${JSON.stringify(statuses)}`);

    const isComplete = kexinCount.messages === CUSTOMERS && kexinCount.distinct === CUSTOMERS && sentRows === CUSTOMERS && result.sent.sent === CUSTOMERS;
    const rows = [
      ["baseline: nodemailer pooled transport, pre-rendered, no database", baselineSeconds, baselineCount.messages, baselineCount.distinct],
      ["baseline: Kexin's bulk SMTP sender, pre-rendered, no database", bulkSeconds, bulkCount.messages, bulkCount.distinct],
      ["Kexin greetings job (plan + claim + render + send + mark), bulk sender", kexinSeconds, kexinCount.messages, kexinCount.distinct],
    ] as const;
    const table = [
      "| run | seconds | messages | distinct recipients | messages/s |",
      "|---|---:|---:|---:|---:|",
      ...rows.map(([name, seconds, count, distinct]) => `| ${name} | ${seconds.toFixed(1)} | ${count} | ${distinct} | ${Math.round(count / seconds)} |`),
    ].join("\n");
    const body = [
      `A campaign to ${CUSTOMERS.toLocaleString("en")} customers (one purchase each) on PostgreSQL, through SMTP on loopback`,
      `(smtp-server in a child process), ${CONNECTIONS} SMTP connections, ${CLAIM} letters claimed per round.`,
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, load average ${os.loadavg()[0].toFixed(1)} at the end. Run with \`npx tsx bench/jobs/greetings.ts\`.`,
      "",
      table,
      "",
      `Kexin / nodemailer baseline: **${(kexinSeconds / baselineSeconds).toFixed(2)}×**; Kexin / bulk-sender baseline (what planning, ` +
        `claiming, rendering and marking add): **${(kexinSeconds / bulkSeconds).toFixed(2)}×**; target under ${TARGET_SECONDS} s: **${kexinSeconds < TARGET_SECONDS ? "met" : "not met"}** ` +
        `(${kexinSeconds.toFixed(1)} s). Every customer received exactly one letter and every delivery row reads sent: **${isComplete ? "yes" : "NO"}**.`,
      `Rendering the baseline's letters (merge fields read from the database, liquid) took ${renderSeconds.toFixed(1)} s, not counted in the baseline.`,
    ].join("\n");
    console.log(`\n${body}\n`);
    if (env.KEXIN_BENCH_WRITE !== "0" && isNodemailerMeasured) writeBenchmarkSection("## Greeting campaign (100,000 letters through SMTP)", body);
    if (!isComplete) process.exitCode = 1;
  } finally {
    await dispose();
    sink.child.kill();
  }
}
