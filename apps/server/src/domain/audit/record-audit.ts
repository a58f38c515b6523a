import type { AuditAction } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";

/** The actions that must leave a trace are listed once, in the contracts (AUDIT_ACTIONS), for the dashboard too. */
export type { AuditAction };

/**
 * Writes one audit entry. Pass the transaction of the change it records, so the change and its trace commit (or roll
 * back) together; `details` hold counts, names and ids, never personal data.
 */
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
