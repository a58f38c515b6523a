/**
 * The checks complaint writes share, within the actor's organisation and stores: which store a complaint is filed
 * under, who may be assigned it, and which colleague it is about.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope, storeScope } from "../auth/authorize.ts";

/**
 * The store a new complaint is filed under: the one asked for, else the customer's home store (when the actor may
 * see it), else the actor's only store; organisation-wide roles may leave it empty.
 * @throws AppError invalid (field storeId) for an unknown or out-of-scope store, or when a store must be chosen.
 */
export async function resolveComplaintStore(
  db: Kysely<DB>,
  actor: Actor,
  requested: string | null | undefined,
  customerStoreId: string | null,
): Promise<string | null> {
  if (requested) {
    await checkComplaintStore(db, actor, requested);
    return requested;
  }
  if (customerStoreId && isInStoreScope(actor, customerStoreId)) return customerStoreId;
  const scope = storeScope(actor);
  if (scope === null) return null;
  if (scope.length === 1) return scope[0];
  throw invalid("complaint.store_required", "storeId: choose one of your stores", "storeId");
}

/** @throws AppError invalid (field storeId) unless the store is the organisation's and within the actor's stores. */
export async function checkComplaintStore(db: Kysely<DB>, actor: Actor, storeId: string): Promise<void> {
  const store = await db.selectFrom("stores").select("id").where("org_id", "=", actor.orgId).where("id", "=", storeId).executeTakeFirst();
  if (!store) throw invalid("complaint.store_unknown", "storeId is not a store of your organisation", "storeId");
  if (!isInStoreScope(actor, storeId)) throw invalid("complaint.store_out_of_scope", "storeId must be one of your stores", "storeId");
}

/**
 * @throws AppError invalid (field assigneeId) unless the user is an active colleague who can see the complaint's
 *   store (organisation-wide roles see every store; others only the stores they are assigned to).
 */
export async function checkComplaintAssignee(db: Kysely<DB>, orgId: string, assigneeId: string, storeId: string | null): Promise<void> {
  const user = await db
    .selectFrom("users")
    .select(["id", "role"])
    .where("org_id", "=", orgId)
    .where("id", "=", assigneeId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user) throw invalid("complaint.assignee_unknown", "assigneeId is not an active user of your organisation", "assigneeId");
  if (user.role === "admin" || user.role === "manager") return;
  const inStore = storeId
    ? await db
        .selectFrom("user_stores")
        .select("store_id")
        .where("org_id", "=", orgId)
        .where("user_id", "=", assigneeId)
        .where("store_id", "=", storeId)
        .executeTakeFirst()
    : undefined;
  if (!inStore) {
    throw invalid("complaint.assignee_out_of_store", "assigneeId does not work in this complaint's store and could not see it", "assigneeId");
  }
}

/** @throws AppError invalid (field staffId) unless the colleague is a user of the organisation. */
export async function checkComplaintStaff(db: Kysely<DB>, orgId: string, staffId: string): Promise<void> {
  const user = await db.selectFrom("users").select("id").where("org_id", "=", orgId).where("id", "=", staffId).executeTakeFirst();
  if (!user) throw invalid("complaint.staff_unknown", "staffId is not a user of your organisation", "staffId");
}
