import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";

/** Actions that must leave a trace: sign-ins, exports, deletes and permission changes. */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out"
  | "customer.export"
  | "customer.archive"
  | "customer.restore"
  | "customer.erase"
  | "customer.personal_data_export"
  | "data.import"
  | "user.create"
  | "user.update"
  | "survey.invite"
  | "survey.remind"
  | "survey.publish"
  | "survey.close"
  | "survey.reopen"
  | "job.retry";

export async function recordAudit(
  db: Kysely<DB>,
  entry: {
    actor?: Actor;
    orgId?: string | null;
    userId?: string | null;
    action: AuditAction;
    targetType?: string;
    targetId?: string;
    details?: Record<string, unknown>;
    ip?: string;
  },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      org_id: entry.actor?.orgId ?? entry.orgId ?? null,
      user_id: (entry.actor && storedUserId(entry.actor)) ?? entry.userId ?? null,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? entry.actor?.ip ?? null,
    })
    .execute();
}
