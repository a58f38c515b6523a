import type { Kysely, Updateable } from "kysely";
import type { SurveyDetail, SurveyUpdate } from "@kexin/contracts";
import type { z } from "zod";
import type { DB, SurveysTable } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findSurvey } from "./find-survey.ts";
import { presentDetail } from "./get-survey.ts";
import { parseDefinition, resolveStore } from "./survey-record.ts";

/**
 * Saves the builder's working copy (and the name or store). Only the draft changes: published versions and the
 * answers given to them are never touched, so a live survey keeps collecting answers to its current version until
 * the draft is published.
 * @throws AppError survey.not_found; survey.read_only for store-bound staff on an organisation-wide survey;
 *   survey.definition_invalid naming the field (definition.pages.0.questions.2.key); invalid storeId.
 */
export async function updateSurvey({
  db,
  actor,
  id,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof SurveyUpdate>;
}): Promise<SurveyDetail> {
  const current = await findSurvey(db, actor, id, { forWrite: true });
  const now = new Date();
  const changes: Updateable<SurveysTable> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.definition !== undefined) {
    changes.draft = JSON.stringify(parseDefinition(input.definition));
    changes.draft_updated_at = now;
  }
  if (input.storeId !== undefined && input.storeId !== current.store_id) {
    changes.store_id = await resolveStore({ db, actor, requested: input.storeId, fallback: current.store_id });
  }
  if (Object.keys(changes).length > 0) {
    await db
      .updateTable("surveys")
      .set({ ...changes, updated_at: now })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .execute();
  }
  return presentDetail(db, actor, await findSurvey(db, actor, id));
}
