import type { Kysely } from "kysely";
import type { SurveyVersionDetail } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { findSurvey } from "./find-survey.ts";
import { toIso } from "./survey-record.ts";

/**
 * One published version exactly as it was frozen: the questions the answers to that version were given to.
 * @throws AppError survey.not_found; survey_version.not_found for a version never published.
 */
export async function getSurveyVersion({
  db,
  actor,
  id,
  version,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  version: number;
}): Promise<SurveyVersionDetail> {
  await findSurvey(db, actor, id);
  const row = await db
    .selectFrom("survey_versions")
    .select(["version", "published_at", "definition"])
    .where("org_id", "=", actor.orgId)
    .where("survey_id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) throw notFound("survey_version");
  return {
    surveyId: id,
    version: row.version,
    publishedAt: toIso(row.published_at),
    definition: row.definition as SurveyVersionDetail["definition"],
  };
}
