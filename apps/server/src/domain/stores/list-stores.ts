import type { Kysely } from "kysely";
import type { Store } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";

/** The stores the actor may see: every store of the organisation for admins and managers, else their own. */
export async function listStores({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<Store[]> {
  const scope = storeScope(actor);
  if (scope && scope.length === 0) return [];
  let query = db.selectFrom("stores").select(["id", "code", "name", "city"]).where("org_id", "=", actor.orgId);
  if (scope) query = query.where("id", "in", scope);
  return query.orderBy("code").execute();
}
