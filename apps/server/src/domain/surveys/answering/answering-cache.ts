/**
 * In-memory caches of the public answering path, one set per database handle, so a warm submission costs one query.
 * - Links by slug: a few seconds only (a link switched off or a survey closed shows within that time on reads; the
 *   insert itself re-checks both, so no answer is ever stored for a closed survey or an inactive link).
 * - Published versions by (survey, version): a version is frozen once published, so it is kept until the cap.
 */
import { SurveyDefinition, listQuestions } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";

export const LINK_TTL_MS = 5_000;
const LINK_CAP = 10_000;
const VERSION_CAP = 2_000;

export interface CachedLink {
  linkId: string;
  orgId: string;
  surveyId: string;
  surveyName: string;
  kind: "public" | "kiosk";
  /** The link's store, else the survey's store. */
  storeId: string | null;
  isActive: boolean;
  surveyStatus: "draft" | "live" | "closed";
  currentVersion: number | null;
}

export interface CachedVersion {
  definition: SurveyDefinition;
  questionCount: number;
}

interface Caches {
  links: Map<string, { link: CachedLink | null; expiresAt: number }>;
  versions: Map<string, CachedVersion>;
}

const cachesByDatabase = new WeakMap<Kysely<DB>, Caches>();

function cachesOf(db: Kysely<DB>): Caches {
  let caches = cachesByDatabase.get(db);
  if (!caches) {
    caches = { links: new Map(), versions: new Map() };
    cachesByDatabase.set(db, caches);
  }
  return caches;
}

/** Drops the oldest entries (a Map iterates in insertion order) until the map is below its cap. */
function trim<K, V>(map: Map<K, V>, cap: number): void {
  for (const key of map.keys()) {
    if (map.size < cap) return;
    map.delete(key);
  }
}

/** The link with this slug and its survey's state, or null for an unknown slug; cached for LINK_TTL_MS. */
export async function findLinkBySlug(db: Kysely<DB>, slug: string, now = Date.now()): Promise<CachedLink | null> {
  const { links } = cachesOf(db);
  const cached = links.get(slug);
  if (cached && cached.expiresAt > now) return cached.link;
  const row = await db
    .selectFrom("survey_links as l")
    .innerJoin("surveys as s", (join) => join.onRef("s.id", "=", "l.survey_id").onRef("s.org_id", "=", "l.org_id"))
    .select([
      "l.id as linkId",
      "l.org_id as orgId",
      "l.survey_id as surveyId",
      "s.name as surveyName",
      "l.kind",
      "l.store_id as linkStoreId",
      "s.store_id as surveyStoreId",
      "l.is_active as isActive",
      "s.status as surveyStatus",
      "s.current_version as currentVersion",
    ])
    .where("l.slug", "=", slug)
    .executeTakeFirst();
  const link: CachedLink | null = row
    ? {
        linkId: row.linkId,
        orgId: row.orgId,
        surveyId: row.surveyId,
        surveyName: row.surveyName,
        kind: row.kind,
        storeId: row.linkStoreId ?? row.surveyStoreId,
        isActive: row.isActive,
        surveyStatus: row.surveyStatus,
        currentVersion: row.currentVersion,
      }
    : null;
  links.delete(slug);
  trim(links, LINK_CAP);
  links.set(slug, { link, expiresAt: now + LINK_TTL_MS });
  return link;
}

/** A published version of a survey, parsed, or null when the survey has no such version. */
export async function findVersion(db: Kysely<DB>, surveyId: string, version: number): Promise<CachedVersion | null> {
  const { versions } = cachesOf(db);
  const key = `${surveyId}:${version}`;
  const cached = versions.get(key);
  if (cached) return cached;
  const row = await db
    .selectFrom("survey_versions")
    .select("definition")
    .where("survey_id", "=", surveyId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) return null;
  const definition = SurveyDefinition.parse(row.definition);
  const entry = { definition, questionCount: listQuestions(definition).length };
  trim(versions, VERSION_CAP);
  versions.set(key, entry);
  return entry;
}

/**
 * Forgets cached links (all, or one slug), so a change made by staff in this process shows at once rather than
 * after LINK_TTL_MS. Versions never need forgetting: they are immutable.
 */
export function forgetCachedLinks(db: Kysely<DB>, slug?: string): void {
  const { links } = cachesOf(db);
  if (slug === undefined) links.clear();
  else links.delete(slug);
}
