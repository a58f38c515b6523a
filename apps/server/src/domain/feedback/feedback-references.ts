/**
 * The checks feedback writes share: which store an item belongs to, which customer a phone or email names, and who
 * may be assigned. All within the actor's organisation and stores, so nothing links across what the actor may see.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope, storeScope } from "../auth/authorize.ts";
import { chunks } from "../imports/find-import-references.ts";

/**
 * The store a new item is filed under: the one asked for, else the customer's home store, else the actor's only
 * store; organisation-wide roles may leave it empty.
 * @throws AppError invalid (field storeId) for an unknown or out-of-scope store, or when a store must be chosen.
 */
export async function resolveFeedbackStore(
  db: Kysely<DB>,
  actor: Actor,
  requested: string | null | undefined,
  customerStoreId: string | null,
): Promise<string | null> {
  if (requested) {
    await checkStore(db, actor, requested);
    return requested;
  }
  if (customerStoreId && isInStoreScope(actor, customerStoreId)) return customerStoreId;
  const scope = storeScope(actor);
  if (scope === null) return null;
  if (scope.length === 1) return scope[0];
  throw invalid("feedback.store_required", "storeId: choose one of your stores", "storeId");
}

/** @throws AppError invalid (field storeId) unless the store is the organisation's and within the actor's stores. */
export async function checkStore(db: Kysely<DB>, actor: Actor, storeId: string): Promise<void> {
  const store = await db.selectFrom("stores").select("id").where("org_id", "=", actor.orgId).where("id", "=", storeId).executeTakeFirst();
  if (!store) throw invalid("feedback.store_unknown", "storeId is not a store of your organisation", "storeId");
  if (!isInStoreScope(actor, storeId)) throw invalid("feedback.store_out_of_scope", "storeId must be one of your stores", "storeId");
}

/**
 * @throws AppError invalid (field assigneeId) unless the user is an active colleague who can see the store's
 *   feedback (organisation-wide roles see every store; others only the stores they are assigned to).
 */
export async function checkAssignee(db: Kysely<DB>, actor: Actor, assigneeId: string, storeId: string | null): Promise<void> {
  const user = await db
    .selectFrom("users")
    .select(["id", "role"])
    .where("org_id", "=", actor.orgId)
    .where("id", "=", assigneeId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user) throw invalid("feedback.assignee_unknown", "assigneeId is not an active user of your organisation", "assigneeId");
  if (user.role === "admin" || user.role === "manager") return;
  const inStore = storeId
    ? await db
        .selectFrom("user_stores")
        .select("store_id")
        .where("org_id", "=", actor.orgId)
        .where("user_id", "=", assigneeId)
        .where("store_id", "=", storeId)
        .executeTakeFirst()
    : undefined;
  if (!inStore) {
    throw invalid("feedback.assignee_out_of_store", "assigneeId does not work in this feedback's store and could not see it", "assigneeId");
  }
}

/** A phone as digits only, without a +86/0086 country code in front of an 11-digit number. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.replace(/^(0086|86)(\d{11})$/, "$2");
}

const SEARCH_INDEX_PHONES = 20;

const phoneKeySql = sql<string>`regexp_replace(regexp_replace(c.phone, '[^0-9]', '', 'g'), '^(0086|86)([0-9]{11})$', '\\2')`;

export interface ContactMatch {
  id: string;
  homeStoreId: string | null;
}

/**
 * Customers in the actor's stores (not erased) by phone key and by lower-cased email. A key that names several
 * customers is ambiguous and left out, so feedback is never filed under the wrong person.
 */
export async function findCustomersByContact(
  db: Kysely<DB>,
  actor: Actor,
  contacts: { phones: readonly string[]; emails: readonly string[] },
): Promise<{ byPhone: Map<string, ContactMatch>; byEmail: Map<string, ContactMatch> }> {
  const scope = storeScope(actor);
  const base = () => {
    let query = db
      .selectFrom("customers as c")
      .select(["c.id", "c.home_store_id"])
      .where("c.org_id", "=", actor.orgId)
      .where("c.erased_at", "is", null);
    if (scope) query = scope.length > 0 ? query.where("c.home_store_id", "in", scope) : query.where(sql<boolean>`false`);
    return query;
  };
  const collect = (rows: { key: string; id: string; home_store_id: string | null }[]) => {
    const found = new Map<string, ContactMatch | null>();
    for (const row of rows) found.set(row.key, found.has(row.key) ? null : { id: row.id, homeStoreId: row.home_store_id });
    return new Map([...found].filter((entry): entry is [string, ContactMatch] => entry[1] !== null));
  };
  const phoneKeys = [...new Set(contacts.phones.map(phoneKey).filter((key) => key.length >= 5))];
  const emails = [...new Set(contacts.emails.map((email) => email.toLowerCase()))];
  const phoneRows = [];
  for (const chunk of chunks(phoneKeys)) {
    let query = base().select(phoneKeySql.as("key")).where(phoneKeySql, "in", chunk);
    // A few phones (staff entry, small files): let the trigram index on search_text find candidates by their last
    // four digits, which stay together however the number was written, before the exact comparison.
    if (chunk.length <= SEARCH_INDEX_PHONES) {
      query = query.where((eb) => eb.or(chunk.map((key) => eb(sql`c.search_text`, "like", `%${key.slice(-4)}%`))));
    }
    phoneRows.push(...(await query.execute()));
  }
  const emailRows = [];
  for (const chunk of chunks(emails)) {
    emailRows.push(...(await base().select(sql<string>`lower(c.email)`.as("key")).where(sql`lower(c.email)`, "in", chunk).execute()));
  }
  return { byPhone: collect(phoneRows), byEmail: collect(emailRows) };
}
