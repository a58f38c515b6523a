import type { Kysely } from "kysely";
import type { SurveyLink } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findSurvey } from "./find-survey.ts";
import { listLinkRows, presentLinks } from "./survey-link-record.ts";

/**
 * A survey's public and kiosk links, oldest first. Store-bound staff see the organisation-wide links and their
 * own stores' links, not other stores'.
 * @throws AppError survey.not_found outside the actor's organisation or stores.
 */
export async function listSurveyLinks({
  db,
  actor,
  surveyId,
  publicUrl,
}: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  publicUrl: string;
}): Promise<{ items: SurveyLink[] }> {
  const survey = await findSurvey(db, actor, surveyId);
  return { items: await presentLinks(db, actor, await listLinkRows(db, actor, survey.id, survey.store_id), publicUrl) };
}
