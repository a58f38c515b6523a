/**
 * How a complaint is read: one query shape (store, customer, assignee and staff names joined), store scope, the
 * timers, and the presenters of the API's ComplaintListItem and Complaint, shared by every complaint use case.
 */
import type { Complaint, ComplaintEvent, ComplaintListItem, SlaTimer } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { assertStoreScope } from "../auth/authorize.ts";
import { toIso } from "../customers/customer-record.ts";
import { businessMinutesBetween, type BusinessCalendar } from "./business-hours.ts";

export function selectComplaints(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom("complaints as k")
    .leftJoin("stores as s", (join) => join.onRef("s.id", "=", "k.store_id").on("s.org_id", "=", orgId))
    .leftJoin("customers as c", (join) => join.onRef("c.id", "=", "k.customer_id").on("c.org_id", "=", orgId))
    .leftJoin("users as a", (join) => join.onRef("a.id", "=", "k.assignee_id").on("a.org_id", "=", orgId))
    .leftJoin("users as st", (join) => join.onRef("st.id", "=", "k.staff_id").on("st.org_id", "=", orgId))
    .leftJoin("survey_invitations as inv", (join) => join.onRef("inv.id", "=", "k.recovery_invitation_id").on("inv.org_id", "=", orgId))
    .selectAll("k")
    .select([
      "s.name as store_name",
      "c.name as customer_name",
      "a.name as assignee_name",
      "st.name as staff_user_name",
      "inv.status as invitation_status",
    ])
    .where("k.org_id", "=", orgId);
}

export type ComplaintRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectComplaints>["executeTakeFirst"]>>>;

/**
 * The complaint with this id, if it is in the actor's organisation and stores.
 * @throws AppError complaint.not_found otherwise — also for other stores' complaints, so they are not revealed.
 */
export async function findComplaint(db: Kysely<DB>, actor: Actor, id: string): Promise<ComplaintRow> {
  const row = await selectComplaints(db, actor.orgId).where("k.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("complaint");
  assertStoreScope(actor, row.store_id, "complaint");
  return row;
}

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** One timer's state at `now` (see SlaTimer in the contracts). */
export function slaTimer(
  calendar: BusinessCalendar,
  now: Date,
  timer: { targetMinutes: number; dueAt: Date | string; completedAt: Date | string | null },
): SlaTimer {
  const due = asDate(timer.dueAt);
  const completed = timer.completedAt === null ? null : asDate(timer.completedAt);
  const state = completed
    ? completed.getTime() <= due.getTime() ? "met" : "missed"
    : now.getTime() > due.getTime() ? "breached" : "running";
  return {
    targetMinutes: timer.targetMinutes,
    dueAt: due.toISOString(),
    completedAt: completed ? completed.toISOString() : null,
    state,
    businessMinutesLeft: completed ? null : Math.round(businessMinutesBetween(calendar, now, due)),
  };
}

/** The two timers of a complaint. A complaint resolved without any reply counts as answered when resolved. */
export function complaintTimers(row: ComplaintRow, calendar: BusinessCalendar, now: Date) {
  return {
    firstResponse: slaTimer(calendar, now, {
      targetMinutes: row.first_response_minutes,
      dueAt: row.first_response_due_at,
      completedAt: row.first_responded_at ?? row.resolved_at,
    }),
    resolution: slaTimer(calendar, now, {
      targetMinutes: row.resolution_minutes,
      dueAt: row.resolution_due_at,
      completedAt: row.resolved_at,
    }),
  };
}

export function presentComplaintListItem(row: ComplaintRow, calendar: BusinessCalendar, now: Date): ComplaintListItem {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    category: row.category,
    severity: row.severity,
    channel: row.channel,
    subject: row.subject,
    storeId: row.store_id,
    storeName: row.store_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerTier: row.customer_tier,
    contactName: row.contact_name,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    staffId: row.staff_id,
    staffName: row.staff_user_name ?? row.staff_name,
    escalationLevel: row.escalation_level,
    ...complaintTimers(row, calendar, now),
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
  };
}

export async function presentComplaint(db: Kysely<DB>, row: ComplaintRow, calendar: BusinessCalendar, now: Date): Promise<Complaint> {
  const events = await db
    .selectFrom("complaint_events as e")
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "e.user_id").on("u.org_id", "=", row.org_id))
    .select([
      "e.id", "e.kind", "e.body", "e.channel", "e.level", "e.to_status", "e.recipients", "e.notified_at", "e.notify_error",
      "e.created_at", "u.name as user_name",
    ])
    .where("e.org_id", "=", row.org_id)
    .where("e.complaint_id", "=", row.id)
    .orderBy("e.created_at")
    // Two escalation levels reached in one sweep share their time: level 1 first.
    .orderBy(sql`e.level nulls first`)
    .orderBy("e.id")
    .execute();
  const isEmailEvent = (event: (typeof events)[number]) =>
    event.kind === "escalated" || (event.kind === "reply" && event.channel === "email") || event.kind === "recovery_survey";
  return {
    ...presentComplaintListItem(row, calendar, now),
    body: row.body,
    language: row.language,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    resolutionNote: row.resolution_note,
    compensation: row.compensation_kind
      ? {
          kind: row.compensation_kind as NonNullable<Complaint["compensation"]>["kind"],
          amount: row.compensation_amount === null ? null : Number(row.compensation_amount),
          note: row.compensation_note,
        }
      : null,
    resolvedAt: toIso(row.resolved_at),
    closedAt: toIso(row.closed_at),
    recoverySurvey: row.recovery_status
      ? {
          status: row.invitation_status ?? row.recovery_status,
          surveyId: row.recovery_survey_id,
          invitationId: row.recovery_invitation_id,
          reason: row.recovery_reason,
        }
      : null,
    events: events.map(
      (event): ComplaintEvent => ({
        id: event.id,
        kind: event.kind,
        body: event.body,
        channel: event.channel,
        level: event.level,
        toStatus: event.to_status,
        recipients: event.recipients,
        isDelivered: isEmailEvent(event) ? (event.notified_at ? true : event.notify_error ? false : null) : null,
        actorName: event.user_name,
        createdAt: toIso(event.created_at)!,
      }),
    ),
  };
}
