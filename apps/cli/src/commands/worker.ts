/**
 * `kexin worker`: runs background jobs (tier recomputation, plan tasks, greetings, SLA escalation) against
 * PostgreSQL. Start as many as you like: each job is claimed by one worker (FOR UPDATE SKIP LOCKED). The embedded
 * database is owned by the web process, which runs the jobs itself.
 */
import { createMailer, jobDefinitions, loadConfig, migrateToLatest, openDatabase, startWorker } from "@kexin/server";
import type { Command } from "commander";
import { UsageError } from "../analyze/usage-error.ts";

const log = {
  info: (details: object, message: string) => console.log(JSON.stringify({ level: "info", message, ...details })),
  error: (details: object, message: string) =>
    console.error(JSON.stringify({ level: "error", message, ...details, err: String((details as { err?: unknown }).err ?? "") })),
};

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("run background jobs on PostgreSQL (DATABASE_URL); several workers never run the same job twice")
    .option("--once", "run every job due now, then exit")
    .action(async (options: { once?: boolean }) => {
      const config = loadConfig();
      if (!/^postgres(ql)?:/.test(config.databaseUrl)) {
        throw new UsageError("kexin worker needs DATABASE_URL=postgres://…; on the embedded database `kexin serve` runs the jobs");
      }
      const database = await openDatabase(config.databaseUrl);
      await migrateToLatest(database.db);
      const mailer = createMailer(config);
      const worker = startWorker({ db: database.db, config, mailer, log, definitions: jobDefinitions, isLooping: !options.once });
      const shutdown = async () => {
        await worker.stop();
        await mailer.close();
        await database.close();
      };
      if (options.once) {
        const outcomes = await worker.drain();
        console.log(JSON.stringify({ ran: outcomes.length, failed: outcomes.filter((outcome) => outcome.status !== "done").length }));
        await shutdown();
        return;
      }
      console.log(`Kexin worker running (${jobDefinitions.length} kinds of job)`);
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => void shutdown().then(() => process.exit(0)));
      }
    });
}
