/**
 * The complaint report over a period (calendar days in China time; the last 90 days by default): complaint rate
 * (per 100 customers of the store, per 100 orders in the period) and resolution rate per store, SLA attainment,
 * time to resolve (median and 90th percentile, business and calendar hours), top reasons, repeat complainers, and
 * the staff KPI view (complaints naming a colleague per 100 customers they look after, against the organisation's
 * threshold; resolution rate of what they were assigned).
 *
 * Cost: one scan of the period's complaints (loaded, then counted in memory: a few thousand rows), one grouped count
 * of customers and of orders per store, one of customers per account manager.
 */
import { quantileType7 } from "@kexin/analytics";
import { COMPLAINT_CATEGORIES, type ComplaintCategory, type ComplaintRateRow, type ComplaintReport, type ComplaintReportQuery, type StaffKpiRow } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope, storeScope } from "../auth/authorize.ts";
import { NAIVE_TIME_OFFSET } from "../imports/parse-cell.ts";
import { businessMinutesBetween } from "./business-hours.ts";
import { loadComplaintSettings } from "./complaint-settings.ts";

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 90;
const REPEAT_LIMIT = 20;

const chinaDay = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const startOfDay = (day: string) => new Date(`${day}T00:00:00${NAIVE_TIME_OFFSET}`);
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const perHundred = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);
const round = (value: number | null, digits = 2) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

function rateRow(id: string | null, name: string, complaints: number, resolved: number, customers: number, orders: number): ComplaintRateRow {
  return {
    id,
    name,
    complaints,
    resolved,
    resolutionRate: round(ratio(resolved, complaints), 4),
    customers,
    orders,
    perHundredCustomers: round(perHundred(complaints, customers)),
    perHundredOrders: round(perHundred(complaints, orders)),
  };
}

export async function getComplaintReport({ db, actor, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof ComplaintReportQuery>;
  now?: Date;
}): Promise<ComplaintReport> {
  const to = input.to ?? chinaDay(now);
  const from = input.from ?? chinaDay(new Date(startOfDay(to).getTime() - (DEFAULT_DAYS - 1) * DAY_MS));
  const start = startOfDay(from);
  const end = new Date(startOfDay(to).getTime() + DAY_MS);
  const settings = await loadComplaintSettings(db, actor.orgId);

  const scope = storeScope(actor);
  let storeIds: string[] | null = scope;
  if (input.storeId) storeIds = isInStoreScope(actor, input.storeId) ? [input.storeId] : [];
  const inStores = (column: string) =>
    storeIds === null ? sql<boolean>`true` : storeIds.length === 0 ? sql<boolean>`false` : sql<boolean>`${sql.ref(column)} = any(${storeIds}::uuid[])`;

  const [complaints, stores, customerCounts, orderCounts] = await Promise.all([
    db
      .selectFrom("complaints")
      .select([
        "id", "store_id", "customer_id", "staff_id", "assignee_id", "category", "status", "created_at", "first_responded_at",
        "first_response_due_at", "resolved_at", "resolution_due_at",
      ])
      .where("org_id", "=", actor.orgId)
      .where("created_at", ">=", start)
      .where("created_at", "<", end)
      .where(inStores("store_id"))
      .execute(),
    db.selectFrom("stores").select(["id", "name"]).where("org_id", "=", actor.orgId).where(inStores("id")).orderBy("code").execute(),
    db
      .selectFrom("customers")
      .select(["home_store_id", sql<string>`count(*)`.as("count")])
      .where("org_id", "=", actor.orgId)
      .where("status", "=", "active")
      .where("erased_at", "is", null)
      .where(inStores("home_store_id"))
      .groupBy("home_store_id")
      .execute(),
    db
      .selectFrom("transactions")
      .select(["store_id", sql<string>`count(*)`.as("count")])
      .where("org_id", "=", actor.orgId)
      .where("occurred_at", ">=", start)
      .where("occurred_at", "<", end)
      .where(inStores("store_id"))
      .groupBy("store_id")
      .execute(),
  ]);
  const customersByStore = new Map(customerCounts.map((row) => [row.home_store_id, Number(row.count)]));
  const ordersByStore = new Map(orderCounts.map((row) => [row.store_id, Number(row.count)]));
  const isDone = (row: (typeof complaints)[number]) => row.resolved_at !== null;

  const byStore = stores.map((store) => {
    const mine = complaints.filter((row) => row.store_id === store.id);
    return rateRow(store.id, store.name, mine.length, mine.filter(isDone).length, customersByStore.get(store.id) ?? 0, ordersByStore.get(store.id) ?? 0);
  });
  const sumOf = (map: Map<string | null, number>) => [...map.values()].reduce((sum, value) => sum + value, 0);
  const overall = rateRow(null, "", complaints.length, complaints.filter(isDone).length, sumOf(customersByStore), sumOf(ordersByStore));

  // SLA attainment: a timer counts once it is done, or once it is past due without being done (then it is missed).
  let firstCounted = 0;
  let firstMet = 0;
  let resolutionCounted = 0;
  let resolutionMet = 0;
  let breachedOpen = 0;
  const businessHours: number[] = [];
  const calendarHours: number[] = [];
  for (const row of complaints) {
    const answeredAt = row.first_responded_at ?? row.resolved_at;
    if (answeredAt || row.first_response_due_at < now) {
      firstCounted++;
      if (answeredAt && answeredAt <= row.first_response_due_at) firstMet++;
    }
    if (row.resolved_at || row.resolution_due_at < now) {
      resolutionCounted++;
      if (row.resolved_at && row.resolved_at <= row.resolution_due_at) resolutionMet++;
    }
    const isUnfinished = row.status === "open" || row.status === "in_progress";
    if (isUnfinished && ((!row.first_responded_at && row.first_response_due_at < now) || row.resolution_due_at < now)) breachedOpen++;
    if (row.resolved_at) {
      businessHours.push(businessMinutesBetween(settings.calendar, row.created_at, row.resolved_at) / 60);
      calendarHours.push((row.resolved_at.getTime() - row.created_at.getTime()) / 3_600_000);
    }
  }
  const quantile = (values: number[], p: number) => (values.length > 0 ? round(quantileType7(values, p), 1) : null);

  const categoryCounts = new Map<ComplaintCategory, number>();
  for (const row of complaints) categoryCounts.set(row.category, (categoryCounts.get(row.category) ?? 0) + 1);
  const topReasons = COMPLAINT_CATEGORIES.filter((category) => categoryCounts.has(category))
    .map((category) => ({ category, count: categoryCounts.get(category)!, share: round(categoryCounts.get(category)! / complaints.length, 4)! }))
    .sort((a, b) => b.count - a.count);

  const perCustomer = new Map<string, { count: number; lastAt: Date }>();
  for (const row of complaints) {
    if (!row.customer_id) continue;
    const entry = perCustomer.get(row.customer_id) ?? { count: 0, lastAt: row.created_at };
    entry.count++;
    if (row.created_at > entry.lastAt) entry.lastAt = row.created_at;
    perCustomer.set(row.customer_id, entry);
  }
  const repeatIds = [...perCustomer].filter(([, entry]) => entry.count >= 2).sort((a, b) => b[1].count - a[1].count || b[1].lastAt.getTime() - a[1].lastAt.getTime()).slice(0, REPEAT_LIMIT);
  const repeatNames = repeatIds.length
    ? new Map(
        (await db.selectFrom("customers").select(["id", "name"]).where("org_id", "=", actor.orgId).where("id", "in", repeatIds.map(([id]) => id)).execute()).map(
          (row) => [row.id, row.name],
        ),
      )
    : new Map<string, string>();

  const staff = await staffKpis(db, actor, storeIds, complaints, settings.staffKpiThresholdPercent);
  return {
    from,
    to,
    total: complaints.length,
    open: complaints.filter((row) => row.status === "open" || row.status === "in_progress").length,
    resolved: complaints.filter(isDone).length,
    overall,
    byStore,
    sla: {
      firstResponseAttainment: round(ratio(firstMet, firstCounted), 4),
      firstResponseCounted: firstCounted,
      resolutionAttainment: round(ratio(resolutionMet, resolutionCounted), 4),
      resolutionCounted,
      breachedOpen,
    },
    timeToResolve: {
      count: businessHours.length,
      medianBusinessHours: quantile(businessHours, 0.5),
      p90BusinessHours: quantile(businessHours, 0.9),
      medianCalendarHours: quantile(calendarHours, 0.5),
      p90CalendarHours: quantile(calendarHours, 0.9),
    },
    topReasons,
    repeatComplainers: repeatIds.map(([id, entry]) => ({ customerId: id, name: repeatNames.get(id) ?? "—", complaints: entry.count, lastAt: entry.lastAt.toISOString() })),
    staffKpiThresholdPercent: settings.staffKpiThresholdPercent,
    staff,
  };
}

async function staffKpis(
  db: Kysely<DB>,
  actor: Actor,
  storeIds: string[] | null,
  complaints: { staff_id: string | null; assignee_id: string | null; resolved_at: Date | null }[],
  thresholdPercent: number,
): Promise<StaffKpiRow[]> {
  let users = db
    .selectFrom("users as u")
    .select(["u.id", "u.name"])
    .where("u.org_id", "=", actor.orgId)
    .where("u.disabled_at", "is", null)
    .where("u.role", "!=", "admin");
  if (storeIds !== null) {
    users = storeIds.length === 0
      ? users.where(sql<boolean>`false`)
      : users.where((eb) => eb.exists(eb.selectFrom("user_stores as us").select("us.user_id").whereRef("us.user_id", "=", "u.id").where("us.store_id", "in", storeIds)));
  }
  const people = await users.orderBy("u.name").execute();
  if (people.length === 0) return [];
  const looked = await db
    .selectFrom("customers")
    .select(["account_manager_id", sql<string>`count(*)`.as("count")])
    .where("org_id", "=", actor.orgId)
    .where("status", "=", "active")
    .where("erased_at", "is", null)
    .where("account_manager_id", "in", people.map((person) => person.id))
    .groupBy("account_manager_id")
    .execute();
  const customers = new Map(looked.map((row) => [row.account_manager_id, Number(row.count)]));
  return people
    .map((person) => {
      const named = complaints.filter((row) => row.staff_id === person.id).length;
      const handled = complaints.filter((row) => row.assignee_id === person.id);
      const handledResolved = handled.filter((row) => row.resolved_at !== null).length;
      const base = customers.get(person.id) ?? 0;
      const rate = round(perHundred(named, base));
      return {
        staffId: person.id,
        name: person.name,
        complaints: named,
        customers: base,
        complaintRatePercent: rate,
        handled: handled.length,
        handledResolved,
        resolutionRate: round(ratio(handledResolved, handled.length), 4),
        meetsTarget: rate === null ? null : rate < thresholdPercent,
      };
    })
    .filter((row) => row.complaints > 0 || row.handled > 0 || row.customers > 0);
}
