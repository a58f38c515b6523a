import type { FeedbackImportReport, ImportMapping } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { chunks } from "../imports/find-import-references.ts";
import { readImportFile } from "../imports/read-import-file.ts";
import { resolveFeedbackMapping } from "./feedback-import-mapping.ts";
import { linkFeedbackToCustomer } from "./link-feedback.ts";
import { validateFeedbackRows, type FeedbackImportRow } from "./validate-feedback-rows.ts";

/** Feedback files are exports of a hotline or a review site, not archives: this many rows is plenty per file. */
export const MAX_FEEDBACK_IMPORT_ROWS = 10_000;
const INSERT_BATCH = 500;

/**
 * Imports feedback from a CSV or .xlsx file (UTF-8 or GBK; header in Chinese or English). Every row is checked
 * first; unless it is a dry run or any row is bad, all new rows are written in one transaction — all or nothing —
 * each linked to its customer's timeline, with a follow-up task for negative feedback from a known customer.
 * Rows imported before (same channel and reference) are skipped, so importing a file twice changes nothing.
 * Real imports are audited (data.import), rejected ones included.
 * @throws AppError for a file that cannot be read, has too many rows, or a mapping that does not fit it.
 */
export async function importFeedback({ db, actor, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  input: { fileName: string; content: Buffer; mapping?: ImportMapping; isDryRun: boolean };
  now?: Date;
}): Promise<FeedbackImportReport> {
  const table = await readImportFile(input.content, input.fileName);
  if (table.rows.length > MAX_FEEDBACK_IMPORT_ROWS) {
    throw invalid("import.too_many_rows", `${input.fileName} has ${table.rows.length} rows; import at most ${MAX_FEEDBACK_IMPORT_ROWS} at a time`, "file");
  }
  const mapping = resolveFeedbackMapping(table.columns, input.mapping);

  const work = async (trx: Kysely<DB>): Promise<FeedbackImportReport> => {
    const { rows, skipped, errors } = await validateFeedbackRows({ db: trx, actor, table, mapping, now });
    const report: FeedbackImportReport = {
      isDryRun: input.isDryRun,
      totalRows: table.rows.length,
      validRows: rows.length + skipped.length,
      created: 0,
      skipped: skipped.length,
      linkedToCustomer: rows.filter((row) => row.customerId).length,
      errors,
      columns: table.columns,
      mapping,
    };
    if (input.isDryRun || errors.length > 0) return report;
    return { ...report, created: await writeRows(trx, actor, rows, now) };
  };

  if (input.isDryRun) return work(db);
  const report = await db.transaction().execute(async (trx) => {
    const result = await work(trx);
    if (result.errors.length === 0) await audit(trx, actor, input.fileName, result);
    return result;
  });
  if (report.errors.length > 0) await audit(db, actor, input.fileName, report);
  return report;
}

async function writeRows(db: Kysely<DB>, actor: Actor, rows: FeedbackImportRow[], now: Date): Promise<number> {
  const userId = storedUserId(actor);
  let created = 0;
  for (const batch of chunks(rows, INSERT_BATCH)) {
    const inserted = await db
      .insertInto("feedback")
      .values(
        batch.map((row) => ({
          org_id: actor.orgId,
          store_id: row.storeId,
          customer_id: row.customerId,
          channel: row.channel,
          source_ref: row.sourceRef,
          author_name: row.authorName,
          author_contact: row.authorContact,
          body: row.body,
          rating: row.rating,
          language: row.analysis.language,
          sentiment: row.analysis.sentiment,
          themes: row.analysis.themes,
          received_at: row.receivedAt,
          created_by: userId,
        })),
      )
      // A concurrent import of the same file may have written some rows since they were checked: skip those.
      .onConflict((conflict) => conflict.columns(["org_id", "channel", "source_ref"]).where("source_ref", "is not", null).doNothing())
      .returning(["id", "channel", "source_ref"])
      .execute();
    created += inserted.length;
    const byRef = new Map(batch.map((row) => [`${row.channel}\u001f${row.sourceRef}`, row]));
    for (const { id, channel, source_ref } of inserted) {
      const row = byRef.get(`${channel}\u001f${source_ref}`)!;
      if (!row.customerId) continue;
      const feedback = {
        id, orgId: actor.orgId, body: row.body, language: row.analysis.language, sentiment: row.analysis.sentiment,
        storeId: row.storeId, receivedAt: row.receivedAt, userId,
      };
      await linkFeedbackToCustomer(db, feedback, row.customerId, now);
    }
  }
  return created;
}

function audit(db: Kysely<DB>, actor: Actor, fileName: string, report: FeedbackImportReport): Promise<void> {
  return recordAudit(db, {
    actor,
    action: "data.import",
    targetType: "import",
    details: {
      kind: "feedback",
      fileName,
      outcome: report.errors.length > 0 ? "rejected" : "imported",
      totalRows: report.totalRows,
      created: report.created,
      skipped: report.skipped,
      badRows: new Set(report.errors.map((error) => error.line)).size,
    },
  });
}
