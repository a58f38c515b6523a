/**
 * Public and kiosk links: how they are named (a random slug), found within the actor's reach, and presented with
 * the answers that came through them.
 */
import { randomInt } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { SurveyLink } from "@kexin/contracts";
import type { DB, SurveyLinksTable } from "../../db/schema.ts";
import { AppError, notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope, storeScope } from "../auth/authorize.ts";
import { responsesInScope, toIso } from "./survey-record.ts";

export type SurveyLinkRow = Selectable<SurveyLinksTable>;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const SLUG_LENGTH = 10;

/** 10 characters of base62 from the system's secure random source: 62¹⁰ ≈ 8·10¹⁷ slugs, not guessable. */
export function newSlug(): string {
  let slug = "";
  for (let index = 0; index < SLUG_LENGTH; index++) slug += BASE62[randomInt(BASE62.length)];
  return slug;
}

/** The path of the respondent page a link opens. */
export const linkPath = (slug: string) => `/s/${slug}`;
/** The address respondents open and the QR code encodes. */
export const linkUrl = (publicUrl: string, slug: string) => `${publicUrl.replace(/\/$/, "")}${linkPath(slug)}`;

/** Whether a link is within the actor's reach: a link of no store belongs to the whole organisation. */
function isLinkVisible(actor: Actor, link: { store_id: string | null }, survey: { store_id: string | null }): boolean {
  const scope = storeScope(actor);
  if (scope === null) return true;
  const isSurveyVisible = survey.store_id === null || scope.includes(survey.store_id);
  return isSurveyVisible && (link.store_id === null || scope.includes(link.store_id));
}

/**
 * The link with this id if the actor may see it (or change it, with `forWrite`).
 * @throws AppError survey_link.not_found outside the organisation or the actor's stores; survey_link.read_only when
 *   store-bound staff try to change an organisation-wide link.
 */
export async function findLink(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  { forWrite = false }: { forWrite?: boolean } = {},
): Promise<SurveyLinkRow & { survey_store_id: string | null }> {
  const row = await db
    .selectFrom("survey_links as l")
    .innerJoin("surveys as s", (join) => join.onRef("s.id", "=", "l.survey_id").on("s.org_id", "=", actor.orgId))
    .selectAll("l")
    .select("s.store_id as survey_store_id")
    .where("l.org_id", "=", actor.orgId)
    .where("l.id", "=", id)
    .executeTakeFirst();
  if (!row || !isLinkVisible(actor, row, { store_id: row.survey_store_id })) throw notFound("survey_link");
  if (forWrite && !isInStoreScope(actor, row.store_id)) {
    throw new AppError("survey_link.read_only", "forbidden", "this link belongs to the whole organisation; ask a manager to change it");
  }
  return row;
}

/** The survey's links the actor may see, oldest first, each with the number of answers given through it. */
export async function listLinkRows(db: Kysely<DB>, actor: Actor, surveyId: string, surveyStoreId: string | null) {
  const rows = await db
    .selectFrom("survey_links")
    .selectAll()
    .where("org_id", "=", actor.orgId)
    .where("survey_id", "=", surveyId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.filter((row) => isLinkVisible(actor, row, { store_id: surveyStoreId }));
}

/** @param publicUrl KEXIN_PUBLIC_URL: each link's `url` is the address its QR code encodes. */
export async function presentLinks(db: Kysely<DB>, actor: Actor, rows: SurveyLinkRow[], publicUrl: string): Promise<SurveyLink[]> {
  const ids = rows.map((row) => row.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .selectFrom("survey_responses")
          .select(["link_id", (eb) => eb.fn.countAll<string>().as("count")])
          .where("org_id", "=", actor.orgId)
          .where("link_id", "in", ids)
          .where(responsesInScope(actor))
          .groupBy("link_id")
          .execute();
  const countOf = new Map(counts.map((count) => [count.link_id, Number(count.count)]));
  return rows.map((row) => ({
    id: row.id,
    surveyId: row.survey_id,
    slug: row.slug,
    kind: row.kind,
    storeId: row.store_id,
    label: row.label,
    isActive: row.is_active,
    path: linkPath(row.slug),
    url: linkUrl(publicUrl, row.slug),
    responseCount: countOf.get(row.id) ?? 0,
    createdAt: toIso(row.created_at),
  }));
}
