import type { PublicSurvey } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { assertTakingAnswers, findLinkTarget, surveyNotFound } from "./answer-target.ts";
import { loadVersion } from "./check-answers.ts";

/**
 * What the respondent page shows for a public or kiosk link: the survey's newest published version.
 * @throws AppError survey.not_found for an unknown or switched-off link or an unpublished survey; survey.closed (409)
 *   once it has closed, so a QR code left on a counter says "this survey has ended" rather than "not found".
 */
export async function getPublicSurvey({ db, slug }: { db: Kysely<DB>; slug: string }): Promise<PublicSurvey> {
  const target = await findLinkTarget(db, slug);
  if (target.surveyStatus === "draft" || target.currentVersion === null) throw surveyNotFound();
  assertTakingAnswers(target);
  const version = await loadVersion(db, target.surveyId, target.currentVersion);
  return {
    surveyId: target.surveyId,
    version: target.currentVersion,
    definition: version.definition,
    isKiosk: target.channel === "kiosk",
    invitation: null,
  };
}
