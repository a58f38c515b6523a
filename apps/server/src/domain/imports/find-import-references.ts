/**
 * Look-ups an import checks its rows against, a few thousand keys per query so 100k-row files stay fast and
 * inside PostgreSQL's parameter limit. All scoped to one organisation.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

const CHUNK = 5_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export interface StoreReference {
  id: string;
  code: string;
}

/** The organisation's stores by code (exact, and lower-cased as a fallback for "a01" vs "A01"). */
export async function findStoresByCode(db: Kysely<DB>, orgId: string): Promise<(code: string) => StoreReference | undefined> {
  const stores = await db.selectFrom("stores").select(["id", "code"]).where("org_id", "=", orgId).execute();
  const exact = new Map(stores.map((store) => [store.code, store]));
  const loose = new Map(stores.map((store) => [store.code.toLowerCase(), store]));
  return (code) => exact.get(code) ?? loose.get(code.toLowerCase());
}

export interface CustomerReference {
  id: string;
  code: string;
  homeStoreId: string | null;
  isErased: boolean;
}

export async function findCustomersByCode(db: Kysely<DB>, orgId: string, codes: readonly string[]): Promise<Map<string, CustomerReference>> {
  const found = new Map<string, CustomerReference>();
  for (const chunk of chunks([...new Set(codes)])) {
    const rows = await db
      .selectFrom("customers")
      .select(["id", "code", "home_store_id", "erased_at"])
      .where("org_id", "=", orgId)
      .where("code", "in", chunk)
      .execute();
    for (const row of rows) {
      found.set(row.code!, { id: row.id, code: row.code!, homeStoreId: row.home_store_id, isErased: row.erased_at !== null });
    }
  }
  return found;
}

export async function findExistingExternalIds(db: Kysely<DB>, orgId: string, externalIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks(externalIds)) {
    const rows = await db
      .selectFrom("transactions")
      .select("external_id")
      .where("org_id", "=", orgId)
      .where("external_id", "in", chunk)
      .execute();
    for (const row of rows) found.add(row.external_id!);
  }
  return found;
}

export { chunks };
