import { sql, type Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { DRAFT_MAX_AGE_DAYS } from "./draft-key.ts";

/**
 * Deletes saved progress nobody touched for `maxAgeDays`: abandoned answers are not kept for ever.
 * Idempotent; safe to run from any process at any time.
 * @returns how many drafts were deleted.
 */
export async function sweepDrafts(db: Kysely<DB>, { maxAgeDays = DRAFT_MAX_AGE_DAYS } = {}): Promise<number> {
  const result = await db
    .deleteFrom("survey_drafts")
    .where(sql<boolean>`updated_at < now() - make_interval(days => ${maxAgeDays})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
