/** How a staff account is read and shown, shared by the user use cases. */
import type { Kysely } from "kysely";
import type { User } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { AppError, invalid, notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";

export async function findUsers(db: Kysely<DB>, orgId: string, ids?: string[]): Promise<User[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom("users")
    .select(["id", "email", "name", "role", "disabled_at"])
    .where("org_id", "=", orgId)
    .orderBy("name")
    .orderBy("id");
  if (ids) query = query.where("id", "in", ids);
  const users = await query.execute();
  const links = users.length
    ? await db
        .selectFrom("user_stores")
        .select(["user_id", "store_id"])
        .where("org_id", "=", orgId)
        .where("user_id", "in", users.map((user) => user.id))
        .execute()
    : [];
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    storeIds: links.filter((link) => link.user_id === user.id).map((link) => link.store_id).sort(),
    isDisabled: user.disabled_at !== null,
  }));
}

/** @throws AppError user.not_found when the user is not in the actor's organisation. */
export async function findUser(db: Kysely<DB>, actor: Actor, id: string): Promise<User> {
  const [user] = await findUsers(db, actor.orgId, [id]);
  if (!user) throw notFound("user");
  return user;
}

/**
 * @throws AppError invalid (field storeIds) when a store is not the organisation's, or when a store manager or agent
 *   would have no store (they would see nothing).
 */
export async function checkUserStores(db: Kysely<DB>, orgId: string, role: User["role"], storeIds: string[]) {
  const unique = [...new Set(storeIds)];
  if ((role === "store_manager" || role === "agent") && unique.length === 0) {
    throw invalid("user.store_required", "storeIds: a store manager or agent needs at least one store", "storeIds");
  }
  if (unique.length === 0) return unique;
  const stores = await db.selectFrom("stores").select("id").where("org_id", "=", orgId).where("id", "in", unique).execute();
  if (stores.length !== unique.length) {
    throw invalid("user.store_unknown", "storeIds: every store must belong to your organisation", "storeIds");
  }
  return unique;
}

export const emailTaken = (email: string) =>
  new AppError("user.email_taken", "conflict", `a user with the email ${email} already exists`, "email");
