/** Starts Kexin's web process on the configured database; used by `kexin serve` and `npm start`. */
import type { FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { isDemoSeeded, seedDemo } from "./domain/demo/seed-demo.ts";
import { failAbandonedImports } from "./domain/imports/fail-abandoned-imports.ts";
import { createMailer } from "./domain/mail/create-mailer.ts";
import { startInvitationSender } from "./domain/surveys/invitations/start-invitation-sender.ts";
import { buildApp } from "./http/app.ts";
import { jobDefinitions } from "./jobs/job-definitions.ts";
import { releaseStaleJobs } from "./jobs/release-stale-jobs.ts";
import { startWorker, type Worker } from "./jobs/start-worker.ts";

export { loadConfig, type Config } from "./config.ts";
export { openDatabase, type Database } from "./db/database.ts";
export { migrateToLatest } from "./db/migrate.ts";
export { buildApp } from "./http/app.ts";
export { refreshPurchaseStats } from "./domain/customers/refresh-purchase-stats.ts";
export { DatabaseLockedError } from "./db/database-lock.ts";
export { AppError } from "./domain/app-error.ts";
export { systemActor } from "./domain/auth/system-actor.ts";
export { seedDemo } from "./domain/demo/seed-demo.ts";
export { importFile } from "./domain/imports/import-file.ts";
export { exportCustomers } from "./domain/exports/export-customers.ts";
export { startWorker } from "./jobs/start-worker.ts";
export { jobDefinitions } from "./jobs/job-definitions.ts";
export { createMailer } from "./domain/mail/create-mailer.ts";

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  // Imports a dead process left "running" wrote nothing (one transaction each): say so. PGlite has one process.
  await failAbandonedImports(database.db, database.kind === "pglite" ? { staleAfterSeconds: 0 } : {});
  if (config.isDemoSeededOnFirstStart && !(await isDemoSeeded(database.db))) {
    await seedDemo(database.db, { onProgress: (message) => console.log(`[demo] ${message}`) });
  }
  const mailer = createMailer(config);
  const app = await buildApp({ db: database.db, config, databaseKind: database.kind, mailer });
  const url = await app.listen({ port: config.port, host: config.host });
  // Retries failed invitations and sends what a crash left pending, every 15 s, in every organisation.
  const invitationSender = startInvitationSender({ db: database.db, mailer, publicUrl: config.publicUrl, log: app.log });
  // Background jobs (tiers, plans, greetings, SLA escalation). The embedded database has one process, so it always
  // runs them here; on PostgreSQL KEXIN_WORKER=off leaves them to `kexin worker` processes.
  let worker: Worker | undefined;
  if (config.worker === "inline" || database.kind === "pglite") {
    if (database.kind === "pglite") await releaseStaleJobs(database.db);
    worker = startWorker({ db: database.db, config, mailer, log: app.log, definitions: jobDefinitions });
  }
  return {
    app,
    database,
    url,
    stop: async () => {
      await worker?.stop();
      await invitationSender.stop();
      await app.close();
      await mailer.close();
      await database.close();
    },
  };
}
