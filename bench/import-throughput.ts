/**
 * Import throughput: a generated 100,000-row customer CSV and a 100,000-row transaction CSV imported through
 * importFile (read, validate, write in one transaction, refresh purchase figures), on PGlite (on disk, as
 * `kexin serve` uses it) and PostgreSQL; then a customer export of the same 100k. Prints rows/s.
 *
 *   npx tsx bench/import-throughput.ts
 *
 * Environment: KEXIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:55432/postgres; a fresh
 * database is created and dropped), KEXIN_BENCH_DATABASES (pglite,postgres), KEXIN_BENCH_ROWS (100000).
 */
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { migrateToLatest } from "../apps/server/src/db/migrate.ts";
import { systemActor } from "../apps/server/src/domain/auth/system-actor.ts";
import { exportCustomers } from "../apps/server/src/domain/exports/export-customers.ts";
import { importFile } from "../apps/server/src/domain/imports/import-file.ts";
import { benchDatabaseKinds, openThrowawayDatabase } from "./support/throwaway-database.ts";

const rows = Number(process.env.KEXIN_BENCH_ROWS ?? 100_000);
const kinds = benchDatabaseKinds("pglite,postgres");

function customersCsv(): Buffer {
  const lines = ["客户编号,姓名,手机,邮箱,性别,生日,城市,门店编码,标签"];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    lines.push(`B${i},客户${i},138${String(i).padStart(8, "0")},c${i}@example.com,${i % 2 ? "男" : "女"},1980-01-${day},上海,${i % 2 ? "S1" : "S2"},"VIP,茶"`);
  }
  return Buffer.from(`\uFEFF${lines.join("\n")}\n`);
}

function transactionsCsv(): Buffer {
  const lines = ["订单号,客户编号,订单日期,实付金额,成本,门店编码,渠道"];
  for (let i = 0; i < rows; i++) {
    lines.push(`T${i},B${(i * 7919) % rows},2024-0${(i % 9) + 1}-1${i % 10} 12:30,${(i % 500) + 9.9},5,S1,门店`);
  }
  return Buffer.from(`\uFEFF${lines.join("\n")}\n`);
}

const customers = customersCsv();
const transactions = transactionsCsv();
for (const kind of kinds) {
  const { database, dispose: cleanup } = await openThrowawayDatabase(kind);
  try {
    await migrateToLatest(database.db);
    const org = await database.db.insertInto("orgs").values({ name: "Bench" }).returning("id").executeTakeFirstOrThrow();
    await database.db.insertInto("stores").values([{ org_id: org.id, code: "S1", name: "S1" }, { org_id: org.id, code: "S2", name: "S2" }]).execute();
    const actor = systemActor(org.id);
    for (const [label, importKind, content] of [
      ["customers (insert)", "customers", customers],
      ["customers (update)", "customers", customers],
      ["transactions", "transactions", transactions],
      ["transactions (re-import)", "transactions", transactions],
    ] as const) {
      const started = performance.now();
      const report = await importFile({ db: database.db, actor, input: { kind: importKind, fileName: "bench.csv", content, isDryRun: false } });
      const seconds = (performance.now() - started) / 1000;
      if (report.errors.length) throw new Error(`bench file has errors: ${JSON.stringify(report.errors.slice(0, 3))}`);
      console.log(`${kind}\t${label}\t${rows} rows\t${seconds.toFixed(1)} s\t${Math.round(rows / seconds)} rows/s\t(created ${report.created}, updated ${report.updated}, skipped ${report.skipped})`);
    }
    for (const format of ["csv", "xlsx"] as const) {
      const started = performance.now();
      const file = await exportCustomers({ db: database.db, actor, input: { format, status: "all" } });
      let bytes = 0;
      await pipeline(file.body, new Writable({ write: (chunk, _encoding, done) => ((bytes += chunk.length), done()) }));
      const seconds = (performance.now() - started) / 1000;
      console.log(`${kind}\texport ${format}\t${rows} rows\t${seconds.toFixed(1)} s\t${Math.round(rows / seconds)} rows/s\t(${(bytes / 1e6).toFixed(1)} MB, peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB)`);
    }
  } finally {
    await cleanup();
  }
}
