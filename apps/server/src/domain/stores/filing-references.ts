/**
 * The checks shared by everything filed under a store and worked by a colleague (feedback, complaints): which store
 * an item is filed under and who may be assigned it — all within the actor's organisation and stores, so nothing
 * links across what the actor may see. Error codes carry the area: `feedback.store_unknown`, `complaint.…`.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope, storeScope } from "../auth/authorize.ts";

export type FilingArea = "feedback" | "complaint";

/**
 * The store a new item is filed under: the one asked for, else the customer's home store (when the actor may see
 * it), else the actor's only store; organisation-wide roles may leave it empty.
 * @throws AppError invalid (field storeId) for an unknown or out-of-scope store, or when a store must be chosen.
 */
export async function resolveFilingStore(
  db: Kysely<DB>,
  actor: Actor,
  area: FilingArea,
  requested: string | null | undefined,
  customerStoreId: string | null,
): Promise<string | null> {
  if (requested) {
    await checkFilingStore(db, actor, area, requested);
    return requested;
  }
  if (customerStoreId && isInStoreScope(actor, customerStoreId)) return customerStoreId;
  const scope = storeScope(actor);
  if (scope === null) return null;
  if (scope.length === 1) return scope[0];
  throw invalid(`${area}.store_required`, "storeId: choose one of your stores", "storeId");
}

/** @throws AppError invalid (field storeId) unless the store is the organisation's and within the actor's stores. */
export async function checkFilingStore(db: Kysely<DB>, actor: Actor, area: FilingArea, storeId: string): Promise<void> {
  const store = await db.selectFrom("stores").select("id").where("org_id", "=", actor.orgId).where("id", "=", storeId).executeTakeFirst();
  if (!store) throw invalid(`${area}.store_unknown`, "storeId is not a store of your organisation", "storeId");
  if (!isInStoreScope(actor, storeId)) throw invalid(`${area}.store_out_of_scope`, "storeId must be one of your stores", "storeId");
}

/**
 * @throws AppError invalid (field assigneeId) unless the user is an active colleague who can see the item's store
 *   (organisation-wide roles see every store; others only the stores they are assigned to).
 */
export async function checkFilingAssignee(
  db: Kysely<DB>,
  orgId: string,
  area: FilingArea,
  assigneeId: string,
  storeId: string | null,
): Promise<void> {
  const user = await db
    .selectFrom("users")
    .select(["id", "role"])
    .where("org_id", "=", orgId)
    .where("id", "=", assigneeId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user) throw invalid(`${area}.assignee_unknown`, "assigneeId is not an active user of your organisation", "assigneeId");
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
    throw invalid(`${area}.assignee_out_of_store`, `assigneeId does not work in this ${area}'s store and could not see it`, "assigneeId");
  }
}
