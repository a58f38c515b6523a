import type { ImportKind, ImportMapping, ImportReport } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor } from "../auth/actor.ts";
import type { ImportTable } from "./read-import-file.ts";
import { validateCustomerRows } from "./validate-customer-rows.ts";
import { validateTransactionRows } from "./validate-transaction-rows.ts";
import { writeCustomerRows } from "./write-customer-rows.ts";
import { writeTransactionRows } from "./write-transaction-rows.ts";

export interface RunImportInput {
  kind: ImportKind;
  fileName: string;
  table: ImportTable;
  /** A resolved mapping (see resolveMapping). */
  mapping: ImportMapping;
  isDryRun: boolean;
  /** The import job this run belongs to, named in the audit entry. */
  importId?: string;
}

export type ImportProgress = (processedRows: number, totalRows: number) => void;

/**
 * Validates every row of a read file and, unless it is a dry run or any row is bad, writes them all in one
 * transaction: all or nothing. Validation runs inside that transaction too, so what was checked is what is
 * written. Real imports are audited (data.import), failed ones included.
 */
export async function runImport({ db, actor, input, onProgress }: {
  db: Kysely<DB>;
  actor: Actor;
  input: RunImportInput;
  onProgress?: ImportProgress;
}): Promise<ImportReport> {
  const { kind, table, mapping, isDryRun } = input;
  const totalRows = table.rows.length;
  const base = { kind, isDryRun, totalRows, columns: table.columns, mapping, imported: 0, created: 0, updated: 0, skipped: 0 };

  const work = async (trx: Kysely<DB>): Promise<ImportReport> => {
    if (kind === "customers") {
      const { rows, errors } = await validateCustomerRows({ db: trx, actor, table, mapping });
      const report = { ...base, validRows: rows.length, errors };
      if (isDryRun || errors.length > 0) return report;
      const { created, updated } = await writeCustomerRows(trx, actor.orgId, rows, (written) => onProgress?.(written, totalRows));
      return { ...report, imported: created + updated, created, updated };
    }
    const { rows, skipped, errors } = await validateTransactionRows({ db: trx, actor, table, mapping });
    const report = { ...base, validRows: rows.length + skipped.length, skipped: skipped.length, errors };
    if (isDryRun || errors.length > 0) return report;
    onProgress?.(skipped.length, totalRows);
    const written = await writeTransactionRows(trx, actor.orgId, rows, (count) => onProgress?.(skipped.length + count, totalRows));
    return { ...report, imported: written.created, created: written.created, skipped: skipped.length + written.skipped };
  };

  if (isDryRun) return work(db);
  const report = await db.transaction().execute(async (trx) => {
    const result = await work(trx);
    if (result.errors.length === 0) await audit(trx, actor, input, result);
    return result;
  });
  if (report.errors.length > 0) await audit(db, actor, input, report);
  return report;
}

function audit(db: Kysely<DB>, actor: Actor, input: RunImportInput, report: ImportReport): Promise<void> {
  return recordAudit(db, {
    actor,
    action: "data.import",
    targetType: "import",
    ...(input.importId && { targetId: input.importId }),
    details: {
      kind: report.kind,
      fileName: input.fileName,
      outcome: report.errors.length > 0 ? "rejected" : "imported",
      totalRows: report.totalRows,
      created: report.created,
      updated: report.updated,
      skipped: report.skipped,
      badRows: new Set(report.errors.map((error) => error.line)).size,
    },
  });
}
