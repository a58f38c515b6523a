import type { Draft } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../../db/schema.ts";
import { AppError } from "../../app-error.ts";
import { DRAFT_MAX_AGE_DAYS, hashDraftKey } from "./draft-key.ts";

/**
 * The progress saved under a draft key, so the page can resume where the respondent stopped.
 * @throws AppError draft.not_found when nothing is saved under the key (or it is older than DRAFT_MAX_AGE_DAYS).
 */
export async function getDraft({ db, draftKey }: { db: Kysely<DB>; draftKey: string }): Promise<z.input<typeof Draft>> {
  const row = await db
    .selectFrom("survey_drafts")
    .select(["version", "page_index", "answers", "updated_at"])
    .where("key_hash", "=", hashDraftKey(draftKey))
    .where(sql<boolean>`updated_at >= now() - make_interval(days => ${DRAFT_MAX_AGE_DAYS})`)
    .executeTakeFirst();
  if (!row) throw new AppError("draft.not_found", "not_found", "no saved progress under this key");
  return {
    version: row.version,
    pageIndex: row.page_index,
    answers: row.answers,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
