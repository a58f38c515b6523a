/** Test data for invitation tests (imported by tests only): a live survey, invitable customers, links in mail. */
import { SurveyDefinition } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { buildCustomer } from "../../../testing/factories.ts";
import { parseMail, type ParsedMail } from "../../../testing/parse-mail.ts";
import { testDefinition } from "../survey-test-data.ts";

/** A survey published as version 1 and open (live), or in another status. */
export async function buildLiveSurvey(
  db: Kysely<DB>,
  orgId: string,
  options: { status?: "draft" | "live" | "closed"; storeId?: string | null; title?: string } = {},
) {
  const definition = SurveyDefinition.parse({
    ...testDefinition(),
    ...(options.title && { title: { "zh-CN": options.title, en: options.title } }),
  });
  const survey = await db
    .insertInto("surveys")
    .values({
      org_id: orgId,
      store_id: options.storeId ?? null,
      name: "Invitation test survey",
      status: options.status ?? "live",
      draft: JSON.stringify(definition),
      current_version: options.status === "draft" ? null : 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (options.status !== "draft") {
    await db
      .insertInto("survey_versions")
      .values({ org_id: orgId, survey_id: survey.id, version: 1, definition: JSON.stringify(definition) })
      .execute();
  }
  return { id: survey.id, definition };
}

let sequence = 0;

/** A customer with an email address (unique per call), in a store, agreeing to email unless told otherwise. */
export async function buildInvitee(
  db: Kysely<DB>,
  orgId: string,
  storeId: string | null,
  options: { name?: string; email?: string | null; consentEmail?: boolean } = {},
) {
  const email = options.email === undefined ? `invitee-${Date.now().toString(36)}-${sequence++}@example.test` : options.email;
  const customer = await buildCustomer(db, orgId, {
    home_store_id: storeId,
    ...(options.name && { name: options.name }),
    ...(email !== null && { email }),
  });
  if (options.consentEmail === false) {
    await db
      .updateTable("customers")
      .set({ consent: JSON.stringify({ email: false, sms: true, wechat: true, phone: true }) })
      .where("id", "=", customer.id)
      .execute();
  }
  return { ...customer, email };
}

/** The token in a received invitation's link (…/r/<token>), read from the parsed text part. */
export function tokenInMail(mail: ParsedMail): string {
  const match = /\/r\/([A-Za-z0-9_-]{43})\b/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in:\n${mail.text}`);
  return match[1];
}

/** Parses every message received for one address. */
export function mailsTo(messages: { to: string[]; raw: string }[], address: string): ParsedMail[] {
  return messages.filter((message) => message.to.includes(address)).map((message) => parseMail(message.raw));
}
