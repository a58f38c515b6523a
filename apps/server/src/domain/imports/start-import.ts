import type { ImportKind, ImportMapping, ImportReport, ImportStarted } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { IMPORT_HEARTBEAT_SECONDS } from "./fail-abandoned-imports.ts";
import { runningImports, type RunningImport } from "./import-progress.ts";
import { readImportFile } from "./read-import-file.ts";
import { resolveMapping } from "./resolve-mapping.ts";
import { runImport } from "./run-import.ts";

/**
 * Starts a real import in the background and returns its id at once; poll getImport for progress. The file is
 * read and the mapping checked first, so a file that cannot be imported at all fails the request itself.
 * While running, a heartbeat writes progress to import_jobs; the outcome (with every bad row) is stored there.
 * @throws AppError import.* for an unreadable file or a mapping that does not fit it.
 */
export async function startImport({ db, actor, input, onFinished }: {
  db: Kysely<DB>;
  actor: Actor;
  input: { kind: ImportKind; fileName: string; content: Buffer; mapping?: ImportMapping };
  onFinished?: (report: ImportReport | undefined, error?: unknown) => void;
}): Promise<ImportStarted> {
  const table = await readImportFile(input.content, input.fileName);
  const mapping = resolveMapping(input.kind, table.columns, input.mapping);
  const job = await db
    .insertInto("import_jobs")
    .values({
      org_id: actor.orgId,
      user_id: storedUserId(actor),
      kind: input.kind,
      file_name: input.fileName.slice(0, 255),
      total_rows: table.rows.length,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  let finish!: () => void;
  const progress: RunningImport = {
    processedRows: 0,
    totalRows: table.rows.length,
    finished: new Promise((resolve) => (finish = resolve)),
  };
  runningImports.set(job.id, progress);

  let isBeating = false;
  const heartbeat = setInterval(() => {
    if (isBeating) return; // on PGlite the beat waits for the import's transaction; never queue a second one
    isBeating = true;
    db.updateTable("import_jobs")
      .set({ heartbeat_at: sql`now()`, processed_rows: progress.processedRows })
      .where("id", "=", job.id)
      .where("status", "=", "running")
      .execute()
      .catch(() => undefined)
      .finally(() => (isBeating = false));
  }, IMPORT_HEARTBEAT_SECONDS * 1000);

  void (async () => {
    let report: ImportReport | undefined;
    let failure: unknown;
    try {
      report = await runImport({
        db,
        actor,
        input: { kind: input.kind, fileName: input.fileName, table, mapping, isDryRun: false, importId: job.id },
        onProgress: (processedRows) => (progress.processedRows = processedRows),
      });
    } catch (error) {
      failure = error;
    }
    clearInterval(heartbeat);
    try {
      const isSuccess = report !== undefined && report.errors.length === 0;
      await db
        .updateTable("import_jobs")
        .set({
          status: isSuccess ? "succeeded" : "failed",
          processed_rows: isSuccess ? table.rows.length : 0,
          report: report ? JSON.stringify(report) : null,
          message: failure ? `the import failed and nothing was imported: ${(failure as Error).message}` : null,
          heartbeat_at: sql`now()`,
          finished_at: sql`now()`,
        })
        .where("id", "=", job.id)
        .execute();
    } catch (error) {
      failure ??= error;
    } finally {
      runningImports.delete(job.id);
      finish();
      onFinished?.(report, failure);
    }
  })();

  return { importId: job.id };
}
