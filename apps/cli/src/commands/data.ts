/**
 * `kexin import`, `kexin export` and `kexin demo`: data in and out of the configured database (DATABASE_URL,
 * or embedded PGlite in .kexin-data like `kexin serve`; migrated first).
 *
 * Who acts: the command line has no signed-in user. It acts as a system actor with admin rights in one
 * organisation (the first one created, or --org): whoever can run it can read the database files anyway.
 * Its imports and exports are audited with no user.
 *
 * Exit codes: 0 done; 2 bad input (missing file, unknown format, a mapping that does not fit, bad rows, each
 * printed to stderr as "line N: field: reason", or the embedded database in use by `kexin serve`); 1 Kexin failed.
 */
import { createWriteStream, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { pipeline } from "node:stream/promises";
import { ExportFormat, ImportKind, type ImportMapping } from "@kexin/contracts";
import {
  AppError, DatabaseLockedError, exportCustomers, importFile, loadConfig, migrateToLatest, openDatabase, seedDemo,
  systemActor, type Database,
} from "@kexin/server";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { UsageError } from "../analyze/usage-error.ts";

/** Opens and migrates the configured database, runs `work`, closes it; lock and input errors become UsageErrors. */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  let database: Database;
  try {
    database = await openDatabase(loadConfig().databaseUrl);
  } catch (error) {
    if (error instanceof DatabaseLockedError) throw new UsageError(error.message);
    throw error;
  }
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } catch (error) {
    if (error instanceof AppError && error.kind !== "forbidden") throw new UsageError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

async function resolveOrgId(database: Database, orgId: string | undefined): Promise<string> {
  let query = database.db.selectFrom("orgs").select(["id", "name"]).orderBy("created_at").limit(1);
  if (orgId) query = query.where("id", "=", orgId);
  const org = await query.executeTakeFirst().catch(() => undefined);
  if (!org) throw new UsageError(orgId ? `no organisation with id ${orgId}` : "the database has no organisation yet: run `kexin demo` or `kexin serve` first");
  return org.id;
}

/** `--map name=姓名 --map phone=手机` → { name: "姓名", phone: "手机" }. */
function collectMapping(pair: string, mapping: ImportMapping = {}): ImportMapping {
  const at = pair.indexOf("=");
  if (at <= 0) throw new UsageError(`--map ${pair}: write it as field=Column, e.g. --map name=姓名`);
  return { ...mapping, [pair.slice(0, at).trim()]: pair.slice(at + 1).trim() };
}

function progressBar(label: string) {
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} rows`, hideCursor: true });
  let isStarted = false;
  return {
    update(value: number, total: number) {
      if (!isStarted) bar.start(total, 0);
      isStarted = true;
      bar.setTotal(total);
      bar.update(value);
    },
    stop: () => isStarted && bar.stop(),
  };
}

interface ImportOptions {
  org?: string;
  map?: ImportMapping;
  dryRun?: boolean;
}

async function runImportCommand(kindText: string, file: string, options: ImportOptions): Promise<void> {
  const kind = ImportKind.safeParse(kindText);
  if (!kind.success) throw new UsageError(`cannot import "${kindText}": choose customers or transactions`);
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const report = await withDatabase(async (database) => {
    const actor = systemActor(await resolveOrgId(database, options.org));
    const bar = progressBar(options.dryRun ? "checking" : "importing");
    try {
      return await importFile({
        db: database.db,
        actor,
        input: { kind: kind.data, fileName: basename(file), content, mapping: options.map, isDryRun: Boolean(options.dryRun) },
        onProgress: (processed, total) => bar.update(processed, total),
      });
    } finally {
      bar.stop();
    }
  });
  if (report.errors.length > 0) {
    for (const error of report.errors) process.stderr.write(`line ${error.line}: ${error.message}\n`);
    const badRows = new Set(report.errors.map((error) => error.line)).size;
    throw new UsageError(`${file}: ${badRows} of ${report.totalRows} rows are bad${options.dryRun ? "" : ", nothing was imported"}`);
  }
  const { errors: _errors, ...summary } = report;
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write(
    report.isDryRun
      ? `${file}: all ${report.totalRows} rows are valid (dry run, nothing written)\n`
      : `${file}: imported ${report.imported} (${report.created} new, ${report.updated} updated, ${report.skipped} already there)\n`,
  );
}

interface ExportOptions {
  org?: string;
  q?: string;
  storeId?: string;
  tag?: string;
  status?: "active" | "archived" | "all";
}

async function runExportCommand(what: string, file: string, options: ExportOptions): Promise<void> {
  if (what !== "customers") throw new UsageError(`cannot export "${what}": only customers can be exported`);
  const format = ExportFormat.safeParse(extname(file).slice(1).toLowerCase());
  if (!format.success) throw new UsageError(`${file}: name the file .csv or .xlsx to choose the format`);
  await withDatabase(async (database) => {
    const actor = systemActor(await resolveOrgId(database, options.org));
    const input = { format: format.data, status: options.status ?? "active", q: options.q, storeId: options.storeId, tag: options.tag };
    const exported = await exportCustomers({ db: database.db, actor, input });
    try {
      await pipeline(exported.body, createWriteStream(file));
    } catch (error) {
      throw new UsageError(`cannot write ${file}: ${(error as Error).message}`);
    }
  });
  process.stderr.write(`customers exported to ${file}\n`);
}

async function runDemoCommand(options: { anchorDate?: string }): Promise<void> {
  const result = await withDatabase((database) =>
    seedDemo(database.db, {
      reset: true,
      ...(options.anchorDate && { anchorDate: options.anchorDate }),
      onProgress: (message) => process.stderr.write(`[demo] ${message}\n`),
    }).catch((error: unknown) => {
      if (error instanceof RangeError) throw new UsageError(`--anchor-date: ${error.message}`);
      throw error;
    }),
  );
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

export function registerDataCommands(program: Command): void {
  program
    .command("import")
    .description("import customers or transactions from a .csv or .xlsx file (all rows or none)")
    .argument("<kind>", "customers or transactions")
    .argument("<file>", "a .csv (UTF-8 or GBK) or .xlsx file with a header row")
    .option("--org <id>", "organisation to import into (default: the first one)")
    .option("--map <field=column>", "use this column for a field, e.g. --map name=姓名 (repeatable)", collectMapping)
    .option("--dry-run", "check every row and report problems, write nothing")
    .action(runImportCommand);
  program
    .command("export")
    .description("export customers to a .csv (UTF-8 with BOM) or .xlsx file, chosen by the file's extension")
    .argument("<what>", "customers")
    .argument("<file>", "where to write, e.g. customers.xlsx")
    .option("--org <id>", "organisation to export (default: the first one)")
    .option("--q <text>", "only customers whose name, code, phone or email contains this")
    .option("--store-id <id>", "only customers of this store")
    .option("--tag <tag>", "only customers with this tag")
    .option("--status <status>", "active, archived or all", "active")
    .action(runExportCommand);
  program
    .command("demo")
    .description("reset the demo organisation: delete it and generate it again")
    .option("--anchor-date <yyyy-mm-dd>", "the last day of generated activity (default: today)")
    .action(runDemoCommand);
}
