import type { Kysely } from "kysely";
import type { User } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { findUsers } from "./user-record.ts";

/**
 * The organisation's staff. Store managers and agents see only colleagues assigned to one of their stores
 * (organisation-wide admins and managers, who have no store, stay hidden from them).
 */
export async function listUsers({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<User[]> {
  const scope = storeScope(actor);
  if (!scope) return findUsers(db, actor.orgId);
  if (scope.length === 0) return [];
  const colleagues = await db
    .selectFrom("user_stores")
    .select("user_id")
    .distinct()
    .where("org_id", "=", actor.orgId)
    .where("store_id", "in", scope)
    .execute();
  return findUsers(db, actor.orgId, colleagues.map((row) => row.user_id));
}
