import type { Kysely } from "kysely";
import type { SurveyLink, SurveyLinkCreate } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { AppError, invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { findSurvey } from "./find-survey.ts";
import { findLink, newSlug, presentLinks } from "./survey-link-record.ts";
import { resolveStore } from "./survey-record.ts";

const isSlugTaken = (error: unknown) => {
  const database = error as { code?: string; constraint?: string };
  return database?.code === "23505" && database.constraint === "survey_links_slug_key";
};

/**
 * A new always-on link (public) or counter tablet link (kiosk) with a fresh random slug. A link may be made before
 * the survey is published; the respondent page answers only once a version is live. Store staff put links of an
 * organisation-wide survey at their own counters; a store's survey has links of that store only.
 * @throws AppError survey.not_found; invalid storeId (not the survey's store, not one of the actor's).
 */
export async function createSurveyLink({
  db,
  actor,
  surveyId,
  input,
  publicUrl,
}: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof SurveyLinkCreate>;
  /** KEXIN_PUBLIC_URL, for the link's full address. */
  publicUrl: string;
}): Promise<SurveyLink> {
  const survey = await findSurvey(db, actor, surveyId);
  const storeId = await resolveStore({ db, actor, requested: input.storeId, fallback: survey.store_id });
  if (survey.store_id !== null && storeId !== survey.store_id) {
    throw invalid("survey_link.store_mismatch", "storeId: a store's survey takes links of that store only", "storeId");
  }
  // A collision among 62¹⁰ slugs is all but impossible; a few retries make it certainly harmless.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const row = await db
        .insertInto("survey_links")
        .values({ org_id: actor.orgId, survey_id: survey.id, slug: newSlug(), kind: input.kind, store_id: storeId, label: input.label })
        .returning("id")
        .executeTakeFirstOrThrow();
      const [link] = await presentLinks(db, actor, [await findLink(db, actor, row.id)], publicUrl);
      return link;
    } catch (error) {
      if (!isSlugTaken(error)) throw error;
    }
  }
  throw new AppError("survey_link.slug_exhausted", "conflict", "could not find a free link name; try again");
}
