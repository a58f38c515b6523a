/**
 * Filing a complaint, whatever the channel (dashboard, API, public page, email): the ticket number, the customer's
 * tier, the SLA targets and due times in business minutes, the "filed" event and the customer's timeline, in one
 * transaction. The callers have already checked who may file what; this only writes.
 */
import type { ComplaintCategory, ComplaintChannel, ComplaintSeverity } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { addBusinessMinutes } from "./business-hours.ts";
import { nextComplaintNumber, yearIn } from "./complaint-number.ts";
import { choosePolicy, loadComplaintSettings } from "./complaint-settings.ts";
import { addComplaintToTimeline } from "./complaint-timeline.ts";

export interface NewComplaint {
  orgId: string;
  storeId: string | null;
  customerId: string | null;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  channel: ComplaintChannel;
  subject: string;
  body: string;
  language: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  staffId: string | null;
  staffName: string | null;
  assigneeId: string | null;
  createdBy: string | null;
  /** The Message-ID of the email it came in by: the same message delivered twice files one complaint. */
  messageId?: string | null;
}

/** The customer's tier in force (customer_values.tier), or null when not computed yet. */
async function tierOf(db: Kysely<DB>, orgId: string, customerId: string | null) {
  if (!customerId) return null;
  const row = await db
    .selectFrom("customer_values")
    .select("tier")
    .where("org_id", "=", orgId)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
  return row?.tier ?? null;
}

/** Due times for targets counted from `start` in the organisation's business hours. */
export async function dueTimes(db: Kysely<DB>, orgId: string, severity: ComplaintSeverity, tier: Awaited<ReturnType<typeof tierOf>>, start: Date) {
  const settings = await loadComplaintSettings(db, orgId);
  const policy = choosePolicy(settings.policies, severity, tier);
  return {
    settings,
    firstResponseMinutes: policy.firstResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    firstResponseDueAt: addBusinessMinutes(settings.calendar, start, policy.firstResponseMinutes),
    resolutionDueAt: addBusinessMinutes(settings.calendar, start, policy.resolutionMinutes),
  };
}

export async function fileComplaint(db: Kysely<DB>, input: NewComplaint, now: Date): Promise<{ id: string; number: string }> {
  return db.transaction().execute(async (trx) => {
    const tier = await tierOf(trx, input.orgId, input.customerId);
    const due = await dueTimes(trx, input.orgId, input.severity, tier, now);
    const number = await nextComplaintNumber(trx, input.orgId, yearIn(due.settings.calendar.timeZone, now));
    const complaint = await trx
      .insertInto("complaints")
      .values({
        org_id: input.orgId,
        number,
        store_id: input.storeId,
        customer_id: input.customerId,
        category: input.category,
        severity: input.severity,
        channel: input.channel,
        subject: input.subject,
        body: input.body,
        language: input.language,
        contact_name: input.contactName,
        contact_email: input.contactEmail,
        contact_phone: input.contactPhone,
        staff_id: input.staffId,
        staff_name: input.staffName,
        customer_tier: tier,
        assignee_id: input.assigneeId,
        first_response_minutes: due.firstResponseMinutes,
        resolution_minutes: due.resolutionMinutes,
        first_response_due_at: due.firstResponseDueAt,
        resolution_started_at: now,
        resolution_due_at: due.resolutionDueAt,
        created_by: input.createdBy,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("complaint_events")
      .values({
        org_id: input.orgId,
        complaint_id: complaint.id,
        kind: "filed",
        body: null,
        message_id: input.messageId ?? null,
        user_id: input.createdBy,
        created_at: now,
      })
      .execute();
    await addComplaintToTimeline(trx, {
      orgId: input.orgId,
      customerId: input.customerId,
      storeId: input.storeId,
      userId: input.createdBy,
      number,
      text: input.subject,
      at: now,
    });
    return { id: complaint.id, number };
  });
}
