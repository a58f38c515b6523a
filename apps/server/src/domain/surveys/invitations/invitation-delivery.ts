/**
 * What sending an invitation (or its reminder) needs to know about it, read fresh at send time: the survey may have
 * closed and the customer may have withdrawn consent since the invitation was created, and then nothing is sent.
 *
 * Tokens. The raw token exists only in memory while its email is built and sent; the row keeps its SHA-256. Every
 * send attempt issues a fresh token (the sweep cannot recover an earlier one), so after a retry only the newest
 * email's link works. The hash written when a row is created belongs to a token nobody ever receives: it only
 * fills the NOT NULL UNIQUE column until the first attempt replaces it.
 */
import { Locale } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { ComposedEmail } from "./invitation-email.ts";
import { composeInvitationEmail } from "./invitation-email.ts";

/** Attempts per invitation before it is marked failed for good. */
export const MAX_SEND_ATTEMPTS = 3;
/**
 * How long a sender owns a row it claimed. Longer than the worst send (SMTP timeouts are 30–60 s and a claim holds
 * ten rows), so a live sender's rows are never taken over; a crashed sender's rows are sent again after it.
 */
export const SEND_LEASE_MS = 10 * 60_000;
/** Wait before attempt 2 and attempt 3: an SMTP server that is briefly down gets a chance to come back. */
export const RETRY_DELAYS_MS = [2 * 60_000, 15 * 60_000];

export interface DeliveryDetails {
  id: string;
  orgId: string;
  surveyId: string;
  email: string;
  language: Locale;
  customerName: string | null;
  orgName: string;
  surveyTitle: string;
  /** Why nothing may be sent any more (the survey closed, consent withdrawn…), or null when it may. */
  blockedBecause: string | null;
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/r/${token}`;
}

/** The invitations' send-time facts, keyed by id. Rows not found (deleted meanwhile) are absent. */
export async function loadDeliveryDetails(db: Kysely<DB>, ids: string[]): Promise<Map<string, DeliveryDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("survey_invitations as i")
    .innerJoin("surveys as s", (join) => join.onRef("s.id", "=", "i.survey_id").onRef("s.org_id", "=", "i.org_id"))
    .innerJoin("orgs as o", "o.id", "i.org_id")
    .leftJoin("survey_versions as v", (join) =>
      join.onRef("v.survey_id", "=", "s.id").onRef("v.version", "=", "s.current_version"),
    )
    .leftJoin("customers as c", (join) => join.onRef("c.id", "=", "i.customer_id").onRef("c.org_id", "=", "i.org_id"))
    .where("i.id", "in", ids)
    .select([
      "i.id",
      "i.org_id",
      "i.survey_id",
      "i.email",
      "i.language",
      "i.customer_id",
      "s.status as survey_status",
      "s.name as survey_name",
      "v.definition",
      "o.name as org_name",
      "c.id as found_customer_id",
      "c.name as customer_name",
      "c.consent",
      "c.status as customer_status",
      "c.erased_at",
    ])
    .execute();
  const details = new Map<string, DeliveryDetails>();
  for (const row of rows) {
    const language = Locale.safeParse(row.language).data ?? "zh-CN";
    let blockedBecause: string | null = null;
    if (row.survey_status !== "live" || row.definition === null) blockedBecause = "the survey is no longer live";
    else if (row.customer_id !== null && row.found_customer_id === null) blockedBecause = "the customer no longer exists";
    else if (row.erased_at !== null || row.customer_status === "archived") blockedBecause = "the customer was archived or erased";
    else if (row.consent?.email === false) blockedBecause = "the customer no longer agrees to receive email";
    details.set(row.id, {
      id: row.id,
      orgId: row.org_id,
      surveyId: row.survey_id,
      email: row.email,
      language,
      customerName: row.customer_name,
      orgName: row.org_name,
      surveyTitle: localizedTitle(row.definition, language) ?? row.survey_name,
      blockedBecause,
    });
  }
  return details;
}

/** The email for one invitation, with the link of the token just issued for it. */
export function composeFor(details: DeliveryDetails, kind: "invitation" | "reminder", publicUrl: string, token: string): ComposedEmail {
  return composeInvitationEmail({
    kind,
    language: details.language,
    customerName: details.customerName,
    surveyTitle: details.surveyTitle,
    orgName: details.orgName,
    link: invitationLink(publicUrl, token),
  });
}

/** The survey's title in the language asked for, else in any language it has. */
function localizedTitle(definition: unknown, language: Locale): string | null {
  const title = (definition as { title?: Partial<Record<string, string>> } | null)?.title;
  if (!title) return null;
  const preferred = title[language]?.trim();
  if (preferred) return preferred;
  return Object.values(title).find((value) => typeof value === "string" && value.trim().length > 0)?.trim() ?? null;
}
