import type { ImportJob, ImportReport } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { ABANDONED_AFTER_SECONDS, failAbandonedImports } from "./fail-abandoned-imports.ts";
import { runningImports } from "./import-progress.ts";

/**
 * An import's status and progress. Store-scoped actors see only their own imports; others see the organisation's.
 * @throws AppError import.not_found for an id that is not visible to the actor.
 */
export async function getImport({ db, actor, input }: { db: Kysely<DB>; actor: Actor; input: { id: string } }): Promise<ImportJob> {
  const find = () => {
    let query = db.selectFrom("import_jobs").selectAll().where("id", "=", input.id).where("org_id", "=", actor.orgId);
    if (storeScope(actor) !== null) query = query.where("user_id", "=", actor.userId);
    return query.executeTakeFirst();
  };
  let job = await find();
  if (!job) throw notFound("import");
  const local = runningImports.get(job.id);
  const silentFor = (Date.now() - new Date(job.heartbeat_at).getTime()) / 1000;
  if (job.status === "running" && !local && silentFor > ABANDONED_AFTER_SECONDS) {
    // Its process died without a restart of this one noticing: settle it now.
    await failAbandonedImports(db);
    job = (await find())!;
  }
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.file_name,
    status: job.status,
    processedRows: local?.processedRows ?? job.processed_rows,
    totalRows: job.total_rows,
    report: (job.report as ImportReport | null) ?? null,
    message: job.message,
    createdAt: new Date(job.created_at).toISOString(),
    finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
  };
}
