/**
 * A complaint from the public page of a store (/c/<slug>): no sign-in, so every field is checked strictly and
 * refused with the field named, rather than cleaned silently. Markup is not refused — it is stored as the text it
 * is and escaped wherever it is shown (page, dashboard, emails) — but control and invisible direction-changing
 * characters are, since they only serve to disguise text. The customer is matched by email, then phone, within the
 * store's organisation.
 */
import type { PublicComplaintReceipt, PublicComplaintSubmit } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { invalid, notFound } from "../app-error.ts";
import { systemActor } from "../auth/system-actor.ts";
import { excerpt } from "../feedback/feedback-record.ts";
import { findCustomersByContact } from "../feedback/feedback-references.ts";
import { findComplaintPage } from "./complaint-store-links.ts";
import { fileComplaint } from "./file-complaint.ts";

/** C0 controls other than tab and newlines, DEL, C1 controls, bidi overrides/isolates and zero-width joiners' kin. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
const HOSTILE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

export async function submitPublicComplaint({ db, slug, input, now = new Date() }: {
  db: Kysely<DB>;
  slug: string;
  input: z.output<typeof PublicComplaintSubmit>;
  now?: Date;
}): Promise<PublicComplaintReceipt> {
  const page = await findComplaintPage(db, slug);
  if (!page) throw notFound("complaint_page");
  for (const field of ["name", "body", "email", "phone", "staffName"] as const) {
    const value = input[field];
    if (value && HOSTILE_CHARACTERS.test(value)) {
      throw invalid("complaint.hostile_characters", `${field}: remove the control or invisible characters`, field);
    }
  }
  const email = input.email?.trim().toLowerCase() || null;
  const phone = input.phone?.trim() || null;
  if (!email && !phone) throw invalid("complaint.contact_required", "email: give an email address or a phone number so we can answer you", "email");
  const { byEmail, byPhone } = await findCustomersByContact(db, systemActor(page.org_id), {
    emails: email ? [email] : [],
    phones: phone ? [phone] : [],
  });
  const customer = (email && byEmail.get(email)) || [...byPhone.values()][0] || null;
  const filed = await fileComplaint(
    db,
    {
      orgId: page.org_id,
      storeId: page.store_id,
      customerId: customer?.id ?? null,
      category: input.category,
      severity: "medium",
      channel: "public_page",
      subject: excerpt(input.body, 60).text,
      body: input.body,
      language: input.language,
      contactName: input.name,
      contactEmail: email,
      contactPhone: phone,
      staffId: null,
      staffName: input.staffName || null,
      assigneeId: null,
      createdBy: null,
    },
    now,
  );
  return { number: filed.number };
}
