/**
 * The worker half of greeting-kill.test.ts, run as its own process so the test can kill -9 it mid-run: it opens the
 * database, runs the greetings job for one organisation against an SMTP server, and pauses briefly after each
 * batch is handed over (before it is recorded), which is where a crash hurts most.
 *
 *   KEXIN_KILL_DATABASE_URL  KEXIN_KILL_ORG_ID  KEXIN_KILL_SMTP_URL  KEXIN_KILL_NOW  KEXIN_KILL_CLAIM_SIZE
 */
import { openDatabase } from "../../db/database.ts";
import { createBulkSmtpMailer } from "../mail/bulk-smtp/index.ts";
import { createChannels } from "./channels/create-channels.ts";
import { runGreetings } from "./run-greetings.ts";

const env = process.env;
const database = await openDatabase(env.KEXIN_KILL_DATABASE_URL!);
const mailer = createBulkSmtpMailer({ url: env.KEXIN_KILL_SMTP_URL!, from: "Kexin <greetings@kexin.test>", maxConnections: 2 });
const result = await runGreetings({
  db: database.db,
  orgId: env.KEXIN_KILL_ORG_ID!,
  channels: createChannels({ mailer, messageOutboxDir: "/nonexistent" }),
  now: new Date(env.KEXIN_KILL_NOW!),
  deadline: new Date(Date.now() + 120_000),
  messageIdDomain: "kexin.test",
  claimSize: Number(env.KEXIN_KILL_CLAIM_SIZE ?? 5),
  onBatchSent: () => new Promise((resolve) => setTimeout(resolve, 150)),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
await mailer.close();
await database.close();
