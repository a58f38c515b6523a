/**
 * Test helpers for surveys, written straight into the tables (no use cases), so any test or benchmark can have a
 * live survey with a link, more published versions, and personal invitations with known tokens.
 */
import { randomBytes } from "node:crypto";
import { SurveyDefinition, type SurveyDefinitionInput } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { hashInvitationToken, newInvitationToken } from "../domain/surveys/invitation-token.ts";

const SLUG_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
export const randomSlug = () => [...randomBytes(10)].map((byte) => SLUG_ALPHABET[byte % SLUG_ALPHABET.length]).join("");

/** A small identified after-purchase survey: NPS, CSAT and an optional comment, with a low-NPS follow-up rule. */
export const SAMPLE_DEFINITION = {
  title: { "zh-CN": "购物满意度", en: "Shopping satisfaction" },
  languages: ["zh-CN", "en"],
  pages: [
    {
      key: "main",
      questions: [
        { key: "nps", type: "nps", title: { "zh-CN": "您向朋友推荐我们的可能性有多大？", en: "How likely are you to recommend us?" } },
        { key: "csat", type: "csat", title: { "zh-CN": "总体满意度", en: "Overall satisfaction" } },
        { key: "comment", type: "text", required: false, title: { "zh-CN": "意见建议", en: "Comments" } },
      ],
    },
  ],
  closedLoop: [{ when: { kind: "answer", question: "nps", operator: "lte", value: 6 } }],
} satisfies SurveyDefinitionInput;

export interface PublishedSurvey {
  surveyId: string;
  version: number;
  slug: string;
  linkId: string;
}

/**
 * A live survey with version 1 published and one active link.
 * @param definition anything `SurveyDefinition` parses (it is parsed, so defaults are filled in as publishing would).
 */
export async function buildPublishedSurvey(
  db: Kysely<DB>,
  orgId: string,
  definition: unknown,
  {
    storeId = null,
    linkKind = "public",
    linkStoreId = storeId,
    name = "Test survey",
  }: { storeId?: string | null; linkKind?: "public" | "kiosk"; linkStoreId?: string | null; name?: string } = {},
): Promise<PublishedSurvey> {
  const parsed = SurveyDefinition.parse(definition);
  const survey = await db
    .insertInto("surveys")
    .values({ org_id: orgId, store_id: storeId, name, status: "live", draft: JSON.stringify(parsed), current_version: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("survey_versions")
    .values({ org_id: orgId, survey_id: survey.id, version: 1, definition: JSON.stringify(parsed) })
    .execute();
  const link = await buildSurveyLink(db, orgId, survey.id, { kind: linkKind, storeId: linkStoreId });
  return { surveyId: survey.id, version: 1, ...link };
}

/** Another link to a survey. */
export async function buildSurveyLink(
  db: Kysely<DB>,
  orgId: string,
  surveyId: string,
  { kind = "public", storeId = null }: { kind?: "public" | "kiosk"; storeId?: string | null } = {},
): Promise<{ slug: string; linkId: string }> {
  const slug = randomSlug();
  const link = await db
    .insertInto("survey_links")
    .values({ org_id: orgId, survey_id: surveyId, slug, kind, store_id: storeId, label: `${kind} link` })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { slug, linkId: link.id };
}

/** Publishes the next version of a survey and makes it current. @returns the new version number. */
export async function publishNextVersion(db: Kysely<DB>, surveyId: string, definition: unknown): Promise<number> {
  const parsed = SurveyDefinition.parse(definition);
  const survey = await db
    .selectFrom("surveys")
    .select(["org_id", "current_version"])
    .where("id", "=", surveyId)
    .executeTakeFirstOrThrow();
  const version = (survey.current_version ?? 0) + 1;
  await db
    .insertInto("survey_versions")
    .values({ org_id: survey.org_id, survey_id: surveyId, version, definition: JSON.stringify(parsed) })
    .execute();
  await db
    .updateTable("surveys")
    .set({ current_version: version, draft: JSON.stringify(parsed), status: "live" })
    .where("id", "=", surveyId)
    .execute();
  return version;
}

/** A personal invitation (status sent) with a known token. */
export async function buildInvitation(
  db: Kysely<DB>,
  { orgId, surveyId, customerId = null, email = "invitee@example.test" }: {
    orgId: string;
    surveyId: string;
    customerId?: string | null;
    email?: string;
  },
): Promise<{ invitationId: string; token: string }> {
  const token = newInvitationToken();
  const row = await db
    .insertInto("survey_invitations")
    .values({
      org_id: orgId,
      survey_id: surveyId,
      customer_id: customerId,
      email,
      token_hash: hashInvitationToken(token),
      status: "sent",
      sent_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { invitationId: row.id, token };
}
