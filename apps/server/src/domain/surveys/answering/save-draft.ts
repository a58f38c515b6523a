import type { DraftSave } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../../db/schema.ts";
import { AppError } from "../../app-error.ts";
import { assertNotAnswered, assertTakingAnswers, findTarget } from "./answer-target.ts";
import { checkAnswers, loadVersion } from "./check-answers.ts";
import { hashDraftKey } from "./draft-key.ts";
import { sweepDrafts } from "./sweep-drafts.ts";

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const lastSweepAt = new WeakMap<Kysely<DB>, number>();

/**
 * Saves a half-finished answer under the page's draft key, replacing what was saved before. Answers are checked
 * like a submission except that required questions may still be empty. About once an hour a save also sweeps
 * drafts nobody touched for DRAFT_MAX_AGE_DAYS.
 * @throws AppError survey.not_found / invitation.not_found, survey.closed, invitation.already_answered,
 *   response.invalid (naming the answer), draft.conflict when the key already holds a draft of another survey.
 */
export async function saveDraft({
  db,
  draftKey,
  input,
}: {
  db: Kysely<DB>;
  draftKey: string;
  input: z.output<typeof DraftSave>;
}): Promise<void> {
  const target = await findTarget(db, input);
  assertTakingAnswers(target);
  assertNotAnswered(target);
  const version = await loadVersion(db, target.surveyId, input.version);
  const answers = checkAnswers(version, input.answers, false);
  const values = { version: input.version, page_index: input.pageIndex, answers: JSON.stringify(answers) };
  const saved = await db
    .insertInto("survey_drafts")
    .values({ key_hash: hashDraftKey(draftKey), org_id: target.orgId, survey_id: target.surveyId, ...values })
    .onConflict((conflict) =>
      conflict
        .column("key_hash")
        .doUpdateSet({ ...values, updated_at: sql<Date>`now()` })
        .where("survey_drafts.survey_id", "=", target.surveyId),
    )
    .returning("key_hash")
    .executeTakeFirst();
  if (!saved) throw new AppError("draft.conflict", "conflict", "this draft key belongs to another survey; start a new draft");
  const now = Date.now();
  if (now - (lastSweepAt.get(db) ?? 0) > SWEEP_EVERY_MS) {
    lastSweepAt.set(db, now);
    await sweepDrafts(db);
  }
}
