import type { Kysely } from "kysely";
import type { AuditList, AuditQuery } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";

/** The organisation's audit trail, newest first, with the acting user's name (null for the system or a deleted user). */
export async function listAudit({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof AuditQuery>;
}): Promise<AuditList> {
  let filtered = db.selectFrom("audit_log as a").where("a.org_id", "=", actor.orgId);
  if (input.action) filtered = filtered.where("a.action", "=", input.action);
  const [rows, count] = await Promise.all([
    filtered
      .leftJoin("users as u", (join) => join.onRef("u.id", "=", "a.user_id").on("u.org_id", "=", actor.orgId))
      .select(["a.id", "a.created_at", "u.name as actor_name", "a.action", "a.target_type", "a.target_id", "a.details", "a.ip"])
      .orderBy("a.created_at", "desc")
      .orderBy("a.id", "desc")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.total),
    items: rows.map((row) => ({
      id: row.id,
      at: row.created_at.toISOString(),
      actorName: row.actor_name,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      details: row.details,
      ip: row.ip,
    })),
  };
}
