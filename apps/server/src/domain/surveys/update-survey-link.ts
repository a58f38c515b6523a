import type { Kysely, Updateable } from "kysely";
import type { SurveyLink, SurveyLinkUpdate } from "@kexin/contracts";
import type { z } from "zod";
import type { DB, SurveyLinksTable } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findLink, presentLinks } from "./survey-link-record.ts";
import { forgetCachedLinks } from "./answering/answering-cache.ts";

/**
 * Renames a link or switches it off (a printed QR code of an inactive link shows that the survey is not taking
 * answers there) and on again. The slug never changes, so printed codes stay valid.
 * @throws AppError survey_link.not_found; survey_link.read_only for store staff on an organisation-wide link.
 */
export async function updateSurveyLink({
  db,
  actor,
  id,
  input,
  publicUrl,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof SurveyLinkUpdate>;
  /** KEXIN_PUBLIC_URL, for the link's full address. */
  publicUrl: string;
}): Promise<SurveyLink> {
  await findLink(db, actor, id, { forWrite: true });
  const changes: Updateable<SurveyLinksTable> = {};
  if (input.label !== undefined) changes.label = input.label;
  if (input.isActive !== undefined) changes.is_active = input.isActive;
  if (Object.keys(changes).length > 0) {
    await db.updateTable("survey_links").set(changes).where("org_id", "=", actor.orgId).where("id", "=", id).execute();
  }
  const [link] = await presentLinks(db, actor, [await findLink(db, actor, id)], publicUrl);
  forgetCachedLinks(db, link.slug);
  return link;
}
