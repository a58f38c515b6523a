import type { Kysely } from "kysely";
import type { Me } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "./actor.ts";
import { storeScope } from "./authorize.ts";

/** The signed-in user, their organisation and the stores they can see. */
export async function getMe({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<Me> {
  const user = await db
    .selectFrom("users")
    .innerJoin("orgs", "orgs.id", "users.org_id")
    .select(["users.id", "users.email", "users.name", "users.role", "users.locale", "orgs.id as orgId", "orgs.name as orgName"])
    .where("users.id", "=", actor.userId)
    .executeTakeFirstOrThrow();
  const scope = storeScope(actor);
  let storesQuery = db.selectFrom("stores").select(["id", "code", "name", "city"]).where("org_id", "=", actor.orgId);
  if (scope) storesQuery = storesQuery.where("id", "in", scope.length ? scope : ["00000000-0000-0000-0000-000000000000"]);
  const stores = await storesQuery.orderBy("code").execute();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale as Me["locale"],
    organisation: { id: user.orgId, name: user.orgName },
    stores,
  };
}
