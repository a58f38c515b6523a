import type { PublicSurvey } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { findLinkTarget, surveyNotFound } from "./answer-target.ts";
import { loadVersion } from "./check-answers.ts";

/**
 * What the respondent page shows for a public or kiosk link: the survey's newest published version.
 * @throws AppError survey.not_found for an unknown or switched-off link, or a survey that is not live.
 */
export async function getPublicSurvey({ db, slug }: { db: Kysely<DB>; slug: string }): Promise<PublicSurvey> {
  const target = await findLinkTarget(db, slug);
  if (target.surveyStatus !== "live" || target.currentVersion === null) throw surveyNotFound();
  const version = await loadVersion(db, target.surveyId, target.currentVersion);
  return {
    surveyId: target.surveyId,
    version: target.currentVersion,
    definition: version.definition,
    isKiosk: target.channel === "kiosk",
    invitation: null,
  };
}
