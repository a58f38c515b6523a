/** Applies pending migrations at start-up. Migrations are listed explicitly so bundlers and tests see them. */
import type { Kysely } from "kysely";
import { Migrator, type Migration, type MigrationProvider } from "kysely/migration";
import * as initial from "./migrations/0001-initial.ts";
import * as imports from "./migrations/0002-imports.ts";
import * as customerListIndexes from "./migrations/0003-customer-list-indexes.ts";
import * as customerForeignKeyIndexes from "./migrations/0004-customer-foreign-key-indexes.ts";
import * as surveys from "./migrations/0005-surveys.ts";
import * as feedback from "./migrations/0006-feedback.ts";
import * as invitationTokens from "./migrations/0007-invitation-tokens.ts";
import * as valueTiers from "./migrations/0008-value-tiers.ts";
import * as maintenancePlans from "./migrations/0009-maintenance-plans.ts";
import * as greetings from "./migrations/0010-greetings.ts";
import * as complaints from "./migrations/0011-complaints.ts";
import * as jobs from "./migrations/0012-jobs.ts";
import * as valueFiguresInPlace from "./migrations/0013-value-figures-in-place.ts";
import * as messageDeliveriesLeanIndexes from "./migrations/0014-message-deliveries-lean-indexes.ts";

const migrations: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-imports": imports,
  "0003-customer-list-indexes": customerListIndexes,
  "0004-customer-foreign-key-indexes": customerForeignKeyIndexes,
  "0005-surveys": surveys,
  "0006-feedback": feedback,
  "0007-invitation-tokens": invitationTokens,
  "0008-value-tiers": valueTiers,
  "0009-maintenance-plans": maintenancePlans,
  "0010-greetings": greetings,
  "0011-complaints": complaints,
  "0012-jobs": jobs,
  "0013-value-figures-in-place": valueFiguresInPlace,
  "0014-message-deliveries-lean-indexes": messageDeliveriesLeanIndexes,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before and beyond any one schema type
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ""} failed: ${(error as Error)?.message ?? "unknown"}`);
  }
}
