/**
 * Puts a job on the queue once: a second enqueue with the same (organisation, kind, key) is a no-op, so a button
 * pressed twice, or two schedulers ticking at once, make one run.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

export interface EnqueuedJob {
  id: string;
  /** False when a job with this key already existed (whatever its status). */
  isNew: boolean;
}

export async function enqueueJob(
  db: Kysely<DB>,
  {
    orgId,
    kind,
    key,
    payload = {},
    runAt,
    maxAttempts,
  }: { orgId: string; kind: string; key: string; payload?: Record<string, unknown>; runAt?: Date; maxAttempts?: number },
): Promise<EnqueuedJob> {
  const inserted = await db
    .insertInto("jobs")
    .values({
      org_id: orgId,
      kind,
      key,
      payload: JSON.stringify(payload),
      ...(runAt && { run_at: runAt }),
      ...(maxAttempts && { max_attempts: maxAttempts }),
    })
    .onConflict((conflict) => conflict.columns(["org_id", "kind", "key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, isNew: true };
  const existing = await db
    .selectFrom("jobs")
    .select("id")
    .where("org_id", "=", orgId)
    .where("kind", "=", kind)
    .where("key", "=", key)
    .executeTakeFirstOrThrow();
  return { id: existing.id, isNew: false };
}
