/**
 * Escalation on breach, run every minute for each organisation by the job "complaints.escalate".
 *
 * Levels. A timer that is not done by its due time is breached: level 1, to the store's manager(s). Still not done
 * once its target has elapsed a second time (twice the target in business minutes since the timer started): level
 * 2, to the organisation's managers. A complaint with no store, or a store without a manager, goes to the managers
 * at level 1 too; an organisation without managers, to its administrators.
 *
 * Idempotent. Each level is an `escalated` event, unique per (complaint, level): two runs at once, or a run
 * repeated after a crash, insert it once. Notifying is a second step with a lease: unnotified escalation events are
 * claimed (`for update skip locked`, lease ten minutes), emailed, then marked notified. A crash after the mail server
 * took a message but before the mark sends it again once the lease runs out (at least once); two live runs never
 * send the same one.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Mailer } from "../mail/mailer.ts";
import { addBusinessMinutes, type BusinessCalendar } from "./business-hours.ts";
import { breachedLabel, composeEscalation } from "./complaint-email.ts";
import { loadComplaintSettings } from "./complaint-settings.ts";

export const NOTIFY_LEASE_MS = 10 * 60_000;
const NOTIFY_BATCH = 20;
export const MAX_ESCALATION_LEVEL = 2;

interface Unfinished {
  id: string;
  store_id: string | null;
  created_at: Date;
  first_responded_at: Date | null;
  first_response_minutes: number;
  first_response_due_at: Date;
  resolution_started_at: Date;
  resolution_minutes: number;
  resolution_due_at: Date;
  escalation_level: number;
}

/** The level a timer calls for at `now`: 0 in time, 1 past due, 2 past twice its target. */
export function timerLevel(calendar: BusinessCalendar, now: Date, timer: { startedAt: Date; targetMinutes: number; dueAt: Date }): number {
  if (now.getTime() <= timer.dueAt.getTime()) return 0;
  return now.getTime() >= addBusinessMinutes(calendar, timer.startedAt, 2 * timer.targetMinutes).getTime() ? 2 : 1;
}

/** The escalation level a complaint calls for, and the timer behind it. */
export function dueEscalation(calendar: BusinessCalendar, now: Date, row: Unfinished): { level: number; timer: "firstResponse" | "resolution" } {
  const firstResponse = row.first_responded_at
    ? 0
    : timerLevel(calendar, now, { startedAt: row.created_at, targetMinutes: row.first_response_minutes, dueAt: row.first_response_due_at });
  const resolution = timerLevel(calendar, now, {
    startedAt: row.resolution_started_at,
    targetMinutes: row.resolution_minutes,
    dueAt: row.resolution_due_at,
  });
  return firstResponse >= resolution ? { level: firstResponse, timer: "firstResponse" } : { level: resolution, timer: "resolution" };
}

async function activeUsers(db: Kysely<DB>, orgId: string, role: "store_manager" | "manager" | "admin", storeId?: string) {
  let query = db
    .selectFrom("users as u")
    .select(["u.email"])
    .where("u.org_id", "=", orgId)
    .where("u.role", "=", role)
    .where("u.disabled_at", "is", null);
  if (storeId) {
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom("user_stores as us").select("us.store_id").whereRef("us.user_id", "=", "u.id").where("us.store_id", "=", storeId),
      ),
    );
  }
  return (await query.orderBy("u.email").execute()).map((row) => row.email);
}

/** Who hears of an escalation: the store's managers at level 1, the managers at level 2 (with fallbacks). */
export async function escalationRecipients(db: Kysely<DB>, orgId: string, storeId: string | null, level: number): Promise<string[]> {
  if (level === 1 && storeId) {
    const storeManagers = await activeUsers(db, orgId, "store_manager", storeId);
    if (storeManagers.length > 0) return storeManagers;
  }
  const managers = await activeUsers(db, orgId, "manager");
  return managers.length > 0 ? managers : activeUsers(db, orgId, "admin");
}

export interface EscalationRunResult {
  escalated: number;
  notified: number;
  failed: number;
}

export async function escalateComplaints({ db, mailer, publicUrl, orgId, now, deadline }: {
  db: Kysely<DB>;
  mailer: Mailer;
  publicUrl: string;
  orgId: string;
  now: Date;
  deadline?: Date;
}): Promise<EscalationRunResult> {
  const { calendar } = await loadComplaintSettings(db, orgId);
  const candidates: Unfinished[] = await db
    .selectFrom("complaints")
    .select([
      "id", "store_id", "created_at", "first_responded_at", "first_response_minutes", "first_response_due_at",
      "resolution_started_at", "resolution_minutes", "resolution_due_at", "escalation_level",
    ])
    .where("org_id", "=", orgId)
    .where("status", "in", ["open", "in_progress"])
    .where("escalation_level", "<", MAX_ESCALATION_LEVEL)
    .where((eb) =>
      eb.or([
        eb.and([eb("first_responded_at", "is", null), eb("first_response_due_at", "<", now)]),
        eb("resolution_due_at", "<", now),
      ]),
    )
    .orderBy("created_at")
    .execute();
  let escalated = 0;
  for (const row of candidates) {
    if (deadline && Date.now() > deadline.getTime()) break;
    const due = dueEscalation(calendar, now, row);
    for (let level = row.escalation_level + 1; level <= due.level; level++) {
      const recipients = await escalationRecipients(db, orgId, row.store_id, level);
      const inserted = await db.transaction().execute(async (trx) => {
        const event = await trx
          .insertInto("complaint_events")
          .values({ org_id: orgId, complaint_id: row.id, kind: "escalated", level, body: due.timer, recipients, created_at: now })
          .onConflict((conflict) => conflict.columns(["complaint_id", "level"]).where("kind", "=", "escalated").doNothing())
          .returning("id")
          .executeTakeFirst();
        if (event) {
          await trx
            .updateTable("complaints")
            .set({ escalation_level: sql<number>`greatest(escalation_level, ${level})`, updated_at: now })
            .where("id", "=", row.id)
            .execute();
        }
        return Boolean(event);
      });
      if (inserted) escalated++;
    }
  }
  const delivery = await notifyEscalations({ db, mailer, publicUrl, orgId, now, deadline });
  return { escalated, ...delivery };
}

interface ClaimedEvent {
  id: string;
  complaint_id: string;
  level: number;
  body: string | null;
  recipients: string[];
}

/** Sends the escalation emails not sent yet (see the header: claim with a lease, send, mark). */
export async function notifyEscalations({ db, mailer, publicUrl, orgId, now, deadline }: {
  db: Kysely<DB>;
  mailer: Mailer;
  publicUrl: string;
  orgId: string;
  now: Date;
  deadline?: Date;
}): Promise<{ notified: number; failed: number }> {
  let notified = 0;
  let failed = 0;
  while (!deadline || Date.now() < deadline.getTime()) {
    const claimed = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<ClaimedEvent>`
        update complaint_events set notify_lease_until = ${new Date(now.getTime() + NOTIFY_LEASE_MS)}
        where id in (
          select id from complaint_events
          where org_id = ${orgId} and kind = 'escalated' and notified_at is null
            and (notify_lease_until is null or notify_lease_until <= ${now})
          order by created_at, id
          limit ${NOTIFY_BATCH}
          for update skip locked
        )
        returning id, complaint_id, level, body, recipients`.execute(trx);
      return rows;
    });
    if (claimed.length === 0) break;
    for (const event of claimed) {
      const facts = await db
        .selectFrom("complaints as k")
        .leftJoin("stores as s", "s.id", "k.store_id")
        .leftJoin("users as a", "a.id", "k.assignee_id")
        .leftJoin("customers as c", "c.id", "k.customer_id")
        .select(["k.id", "k.number", "k.subject", "k.severity", "k.created_at", "s.name as store_name", "a.name as assignee_name", "c.name as customer_name"])
        .where("k.org_id", "=", orgId)
        .where("k.id", "=", event.complaint_id)
        .executeTakeFirstOrThrow();
      const locales = new Map(
        (event.recipients.length > 0
          ? await db.selectFrom("users").select(["email", "locale"]).where("org_id", "=", orgId).where("email", "in", event.recipients).execute()
          : []
        ).map((user) => [user.email, user.locale]),
      );
      const errors: string[] = [];
      for (const recipient of event.recipients) {
        const language = locales.get(recipient) ?? "zh-CN";
        const timer = event.body === "resolution" ? "resolution" : "firstResponse";
        try {
          await mailer.send({
            to: recipient,
            ...composeEscalation(language, {
              level: event.level,
              number: facts.number,
              subject: facts.subject,
              severity: facts.severity,
              storeName: facts.store_name,
              assigneeName: facts.assignee_name,
              customerName: facts.customer_name,
              createdAt: facts.created_at.toISOString(),
              breached: breachedLabel(language, timer),
              link: `${publicUrl.replace(/\/$/, "")}/complaints/${facts.id}`,
            }),
            headers: { "X-Kexin-Kind": "complaint-escalation", "X-Kexin-Ticket": facts.number },
          });
        } catch (error) {
          errors.push(`${recipient}: ${(error instanceof Error ? error.message : String(error)).slice(0, 200)}`);
        }
      }
      const isAllFailed = event.recipients.length > 0 && errors.length === event.recipients.length;
      // Some recipients told is notified (a retry would tell the others twice); nobody told waits for the lease.
      await db
        .updateTable("complaint_events")
        .set({ notified_at: isAllFailed ? null : new Date(), notify_error: errors.length > 0 ? errors.join("; ").slice(0, 1000) : null })
        .where("id", "=", event.id)
        .execute();
      if (isAllFailed) failed++;
      else notified++;
    }
  }
  return { notified, failed };
}
