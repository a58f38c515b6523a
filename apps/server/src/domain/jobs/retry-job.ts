/** Puts a failed job back on the queue, due now, with a fresh count of attempts. */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";

/** @throws AppError job.not_found (404), job.not_failed (409) when the job is queued, running or done. */
export async function retryJob({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<void> {
  const updated = await db
    .updateTable("jobs")
    .set({ status: "queued", attempts: 0, run_at: new Date(), last_error: null, finished_at: null })
    .where("id", "=", id)
    .where("org_id", "=", actor.orgId)
    .where("status", "=", "failed")
    .returning(["kind", "key"])
    .executeTakeFirst();
  if (!updated) {
    const exists = await db.selectFrom("jobs").select("status").where("id", "=", id).where("org_id", "=", actor.orgId).executeTakeFirst();
    if (!exists) throw new AppError("job.not_found", "not_found", "no such job");
    throw new AppError("job.not_failed", "conflict", `only a failed job can be retried; this one is ${exists.status}`);
  }
  await recordAudit(db, { actor, action: "job.retry", targetType: "job", targetId: id, details: { kind: updated.kind, key: updated.key } });
}
