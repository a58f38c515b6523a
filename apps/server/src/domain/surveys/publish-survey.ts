import type { Kysely } from "kysely";
import { listQuestions, type SurveyDetail } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findSurvey } from "./find-survey.ts";
import { presentDetail } from "./get-survey.ts";
import { isSameDefinition, parseDefinition } from "./survey-record.ts";
import { forgetCachedLinks } from "./answering/answering-cache.ts";

/**
 * Freezes the draft as the next version and makes the survey live. The survey row is locked (select … for update)
 * for the whole transaction, so two publishes at once queue up: the second sees the first's version and, the draft
 * being unchanged, returns it instead of making another. A draft equal to the newest version makes no new version.
 * Audited when a version is made or the survey goes live.
 * @throws AppError survey.not_found; survey.read_only; survey.empty (field definition.pages) when no page has a
 *   question; survey.definition_invalid if the stored draft no longer passes the contract.
 */
export async function publishSurvey({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<SurveyDetail> {
  await db.transaction().execute(async (trx) => {
    await trx
      .selectFrom("surveys")
      .select("id")
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    // Read after taking the lock: a publish that held it before us has committed, and this sees its version.
    const survey = await findSurvey(trx, actor, id, { forWrite: true });
    const definition = parseDefinition(survey.draft);
    if (listQuestions(definition).length === 0) {
      throw invalid("survey.empty", "definition.pages: add at least one question before publishing", "definition.pages");
    }
    const newest =
      survey.current_version === null
        ? undefined
        : await trx
            .selectFrom("survey_versions")
            .select(["version", "definition"])
            .where("org_id", "=", actor.orgId)
            .where("survey_id", "=", id)
            .where("version", "=", survey.current_version)
            .executeTakeFirst();
    const isUnchanged = newest !== undefined && isSameDefinition(definition, newest.definition);
    if (isUnchanged && survey.status === "live") return;
    const version = isUnchanged ? newest.version : (survey.current_version ?? 0) + 1;
    if (!isUnchanged) {
      await trx
        .insertInto("survey_versions")
        .values({
          org_id: actor.orgId,
          survey_id: id,
          version,
          definition: JSON.stringify(definition),
          published_by: storedUserId(actor),
        })
        .execute();
    }
    await trx
      .updateTable("surveys")
      .set({ status: "live", current_version: version, updated_at: new Date() })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: "survey.publish",
      targetType: "survey",
      targetId: id,
      details: { version, isNewVersion: !isUnchanged, previousStatus: survey.status },
    });
  });
  forgetCachedLinks(db); // respondents in this process see the new version at once, not after the cache TTL
  return presentDetail(db, actor, await findSurvey(db, actor, id));
}
