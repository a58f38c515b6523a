import type { Complaint, ComplaintReplyCreate } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import type { Mailer } from "../mail/mailer.ts";
import { composeComplaintReply } from "./complaint-email.ts";
import { recordComplaintEvent } from "./complaint-events.ts";
import { findComplaint } from "./complaint-record.ts";
import { getComplaint } from "./get-complaint.ts";

/**
 * Answers the customer. By email, Kexin sends it (ticket number in the subject, so their answer threads back) and
 * records whether the mail server took it; by phone, in person or WeChat, it records what was said. The first
 * reply that reaches the customer stops the first-response timer and moves an open complaint to in progress.
 * @throws AppError complaint.not_found; complaint.no_email (field channel) when there is no address to write to;
 *   complaint.mail_failed (conflict) when the mail server refused — the reply is kept in the history, marked undelivered.
 */
export async function replyToComplaint({ db, actor, mailer, id, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  mailer: Mailer;
  id: string;
  input: z.output<typeof ComplaintReplyCreate>;
  now?: Date;
}): Promise<Complaint> {
  const complaint = await findComplaint(db, actor, id);
  const userId = storedUserId(actor);
  const eventId = await recordComplaintEvent(db, {
    org_id: actor.orgId,
    complaint_id: complaint.id,
    kind: "reply",
    body: input.body,
    channel: input.channel,
    recipients: input.channel === "email" && complaint.contact_email ? [complaint.contact_email] : [],
    user_id: userId,
    created_at: now,
  });
  if (input.channel === "email") {
    if (!complaint.contact_email) {
      await db.deleteFrom("complaint_events").where("id", "=", eventId).execute();
      throw new AppError("complaint.no_email", "invalid", "this complaint has no email address; record a phone call or visit instead", "channel");
    }
    const org = await db.selectFrom("orgs").select("name").where("id", "=", actor.orgId).executeTakeFirstOrThrow();
    try {
      const { messageId } = await mailer.send({
        to: complaint.contact_email,
        ...composeComplaintReply({
          language: complaint.language,
          number: complaint.number,
          subject: complaint.subject,
          customerName: complaint.contact_name ?? complaint.customer_name,
          orgName: org.name,
          body: input.body,
        }),
        headers: { "X-Kexin-Kind": "complaint-reply", "X-Kexin-Ticket": complaint.number },
      });
      await db.updateTable("complaint_events").set({ notified_at: new Date(), message_id: messageId }).where("id", "=", eventId).execute();
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await db.updateTable("complaint_events").set({ notify_error: message }).where("id", "=", eventId).execute();
      throw new AppError("complaint.mail_failed", "conflict", `the email could not be sent (${message}); it is kept in the history, try again later`);
    }
  }
  await db
    .updateTable("complaints")
    .set({ first_responded_at: now })
    .where("id", "=", complaint.id)
    .where("first_responded_at", "is", null)
    .execute();
  await db
    .updateTable("complaints")
    .set({ status: "in_progress", ...(complaint.assignee_id === null && userId && { assignee_id: userId }) })
    .where("id", "=", complaint.id)
    .where("status", "=", "open")
    .execute();
  return getComplaint({ db, actor, id, now });
}
