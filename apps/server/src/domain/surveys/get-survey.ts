import type { Kysely } from "kysely";
import type { SurveyDetail } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findSurvey, type SurveyRow } from "./find-survey.ts";
import { isSameDefinition, presentSummary, responsesInScope, toIso } from "./survey-record.ts";

/**
 * One survey for the builder: its working draft, every published version with the answers it collected (those
 * the actor may see), and whether the draft holds changes not yet published.
 * @throws AppError survey.not_found outside the actor's organisation or stores.
 */
export async function getSurvey({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<SurveyDetail> {
  return presentDetail(db, actor, await findSurvey(db, actor, id));
}

export async function presentDetail(db: Kysely<DB>, actor: Actor, row: SurveyRow): Promise<SurveyDetail> {
  const [versions, counts] = await Promise.all([
    db
      .selectFrom("survey_versions")
      .select(["version", "published_at", "definition"])
      .where("org_id", "=", actor.orgId)
      .where("survey_id", "=", row.id)
      .orderBy("version", "desc")
      .execute(),
    db
      .selectFrom("survey_responses")
      .select(["version", (eb) => eb.fn.countAll<string>().as("count")])
      .where("org_id", "=", actor.orgId)
      .where("survey_id", "=", row.id)
      .where(responsesInScope(actor))
      .groupBy("version")
      .execute(),
  ]);
  const countOf = new Map(counts.map((count) => [count.version, Number(count.count)]));
  const total = counts.reduce((sum, count) => sum + Number(count.count), 0);
  const newest = versions[0];
  return {
    ...presentSummary(row, total),
    draft: row.draft as SurveyDetail["draft"],
    hasUnpublishedChanges: !newest || !isSameDefinition(row.draft, newest.definition),
    versions: versions.map((version) => ({
      version: version.version,
      publishedAt: toIso(version.published_at),
      responseCount: countOf.get(version.version) ?? 0,
    })),
  };
}
