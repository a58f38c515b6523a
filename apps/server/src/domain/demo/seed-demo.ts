import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

// Placeholder until the demo generator lands.
export async function isDemoSeeded(db: Kysely<DB>): Promise<boolean> {
  return Boolean(await db.selectFrom("orgs").select("id").limit(1).executeTakeFirst());
}

export async function seedDemo(_db: Kysely<DB>, _options: { onProgress?: (message: string) => void } = {}): Promise<void> {}
