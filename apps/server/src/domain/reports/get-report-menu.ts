/** Which reports a survey supports, from the questions, indicator system and model of its newest version. */
import { listQuestions, type ReportMenu, SurveyDefinition } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findSurvey } from "../surveys/find-survey.ts";

export async function getReportMenu({ db, actor, surveyId }: { db: Kysely<DB>; actor: Actor; surveyId: string }): Promise<ReportMenu> {
  const survey = await findSurvey(db, actor, surveyId);
  const versions = await db
    .selectFrom("survey_versions")
    .select(["version", "definition"])
    .where("org_id", "=", actor.orgId)
    .where("survey_id", "=", survey.id)
    .orderBy("version")
    .execute();
  const newest = versions.at(-1);
  const definition = SurveyDefinition.parse(newest ? newest.definition : survey.draft);
  const types = new Set(listQuestions(definition).map((q) => q.type));
  const item = (kind: ReportMenu["kinds"][number]["kind"], isAvailable: boolean, reason: string) => ({
    kind,
    isAvailable,
    reason: isAvailable ? null : reason,
  });
  return {
    versions: versions.map((v) => v.version),
    kinds: [
      item("overview", true, ""),
      item("indicators", definition.indicatorSystem !== undefined, "the survey has no indicator system"),
      item("model", definition.model !== undefined, "the survey has no structural model"),
      item("kano", types.has("kano"), "the survey has no Kano questions"),
      item("servqual", types.has("expectation_perception"), "the survey has no expectation/perception questions"),
      item("expectation", types.has("expectation_perception"), "the survey has no expectation/perception questions"),
    ],
  };
}
