/**
 * An email to the complaints address, handed over raw by the organisation's mail server (see the inbound route).
 *
 * Threading. A message whose subject carries a ticket number (TS-2026-000123), or that answers one of the ticket's
 * emails (In-Reply-To / References), goes onto that ticket as the customer's reply — but only when it comes from
 * the ticket's own address: anyone can type a ticket number, so a stranger's message becomes a new complaint instead
 * of landing in someone else's conversation. A reply to a resolved complaint reopens it (the customer is not
 * satisfied); a reply to a closed one is recorded for staff to reopen if need be.
 *
 * Otherwise it is a new complaint (channel email): the category guessed from its words, the customer found by the
 * sender's address. The same Message-ID delivered twice is stored once.
 */
import { COMPLAINT_NUMBER_PATTERN, type InboundEmailResult } from "@kexin/contracts";
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { invalid, notFound } from "../app-error.ts";
import { systemActor } from "../auth/system-actor.ts";
import { findCustomersByContact } from "../feedback/feedback-references.ts";
import { addBusinessMinutes } from "./business-hours.ts";
import { recordComplaintEvent } from "./complaint-events.ts";
import { loadComplaintSettings } from "./complaint-settings.ts";
import { fileComplaint } from "./file-complaint.ts";
import { guessComplaintCategory } from "./guess-complaint-category.ts";
import { parseInboundEmail } from "./parse-inbound-email.ts";

const BODY_MAX = 10_000;
const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "23505";
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

async function findThread(db: Kysely<DB>, orgId: string, subject: string, inReplyTo: string[]) {
  const number = COMPLAINT_NUMBER_PATTERN.exec(subject)?.[0];
  const base = () =>
    db
      .selectFrom("complaints as k")
      .leftJoin("customers as c", (join) => join.onRef("c.id", "=", "k.customer_id").on("c.org_id", "=", orgId))
      .select(["k.id", "k.number", "k.status", "k.contact_email", "k.resolution_minutes", "c.email as customer_email"])
      .where("k.org_id", "=", orgId);
  if (number) {
    const byNumber = await base().where("k.number", "=", number).executeTakeFirst();
    if (byNumber) return byNumber;
  }
  if (inReplyTo.length === 0) return undefined;
  return base()
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("complaint_events as e")
          .select("e.id")
          .whereRef("e.complaint_id", "=", "k.id")
          .where("e.org_id", "=", orgId)
          .where("e.message_id", "in", inReplyTo.slice(0, 20)),
      ),
    )
    .executeTakeFirst();
}

export async function receiveComplaintEmail({ db, orgId, raw, now = new Date() }: {
  db: Kysely<DB>;
  orgId: string;
  raw: string;
  now?: Date;
}): Promise<InboundEmailResult> {
  const org = await db.selectFrom("orgs").select("id").where("id", "=", orgId).executeTakeFirst();
  if (!org) throw notFound("org");
  const email = parseInboundEmail(raw);
  if (!email.fromAddress) throw invalid("inbound_email.from", "the message has no sender address (From)", "From");
  const text = email.text.slice(0, BODY_MAX) || email.subject;
  if (!text) throw invalid("inbound_email.empty", "the message has neither a subject nor any text", "body");
  // A message without a Message-ID gets one from its content, so a redelivery is still recognised.
  const messageId = email.messageId ?? `<sha256-${createHash("sha256").update(raw).digest("hex")}@kexin.inbound>`;

  const seen = await db
    .selectFrom("complaint_events as e")
    .innerJoin("complaints as k", "k.id", "e.complaint_id")
    .select(["k.id", "k.number"])
    .where("e.org_id", "=", orgId)
    .where("e.message_id", "=", messageId)
    .executeTakeFirst();
  if (seen) return { outcome: "duplicate", complaintId: seen.id, number: seen.number };

  const thread = await findThread(db, orgId, email.subject, email.inReplyTo);
  const sender = email.fromAddress;
  const isSameSender = thread && [thread.contact_email, thread.customer_email].some((address) => address?.toLowerCase() === sender);
  try {
    if (thread && isSameSender) {
      await db.transaction().execute(async (trx) => {
        await recordComplaintEvent(trx, {
          org_id: orgId,
          complaint_id: thread.id,
          kind: "customer_reply",
          body: text,
          channel: "email",
          message_id: messageId,
          created_at: now,
        });
        if (thread.status === "resolved") {
          const { calendar } = await loadComplaintSettings(trx, orgId);
          await trx
            .updateTable("complaints")
            .set({
              status: "in_progress",
              resolved_at: null,
              resolution_started_at: now,
              resolution_due_at: addBusinessMinutes(calendar, now, thread.resolution_minutes),
            })
            .where("id", "=", thread.id)
            .where("status", "=", "resolved")
            .execute();
          await recordComplaintEvent(trx, {
            org_id: orgId,
            complaint_id: thread.id,
            kind: "reopened",
            body: "customer replied by email",
            to_status: "in_progress",
            // A millisecond after the reply it answers, so the history lists them in that order.
            created_at: new Date(now.getTime() + 1),
          });
        }
      });
      return { outcome: "threaded", complaintId: thread.id, number: thread.number };
    }
    const { byEmail } = await findCustomersByContact(db, systemActor(orgId), { phones: [], emails: [sender] });
    const customer = [...byEmail.values()][0] ?? null;
    const subject = (email.subject.replace(/^\s*((re|fw|fwd|回复|答复|转发)\s*[:：]\s*)+/i, "") || text).slice(0, 200);
    const filed = await fileComplaint(
      db,
      {
        orgId,
        storeId: customer?.homeStoreId ?? null,
        customerId: customer?.id ?? null,
        category: guessComplaintCategory(`${email.subject}\n${text}`),
        severity: "medium",
        channel: "email",
        subject,
        body: text,
        language: hasChinese(`${email.subject}${text}`) ? "zh-CN" : "en",
        contactName: email.fromName?.slice(0, 100) ?? null,
        contactEmail: sender,
        contactPhone: null,
        staffId: null,
        staffName: null,
        assigneeId: null,
        createdBy: null,
        messageId,
      },
      now,
    );
    return { outcome: "created", complaintId: filed.id, number: filed.number };
  } catch (error) {
    // The same message delivered twice at the same moment: the other delivery stored it.
    if (!isUniqueViolation(error)) throw error;
    const stored = await db
      .selectFrom("complaint_events as e")
      .innerJoin("complaints as k", "k.id", "e.complaint_id")
      .select(["k.id", "k.number"])
      .where("e.org_id", "=", orgId)
      .where("e.message_id", "=", messageId)
      .executeTakeFirstOrThrow();
    return { outcome: "duplicate", complaintId: stored.id, number: stored.number };
  }
}
