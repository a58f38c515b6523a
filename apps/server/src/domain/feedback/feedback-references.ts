/**
 * Which customer a phone or email names, within the actor's organisation and stores, so nothing links across what
 * the actor may see. A feedback item's store and assignee are checked as any filed item's
 * (`domain/stores/filing-references.ts`).
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { chunks } from "../imports/find-import-references.ts";

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
