/**
 * The demo's complaints: about three dozen over the last two months across both stores, in every channel, most
 * answered and resolved (a few late, some with compensation), several still open and past their targets (escalated
 * to the store manager or the manager), a couple from repeat complainers. Due times are computed with the real
 * business-hours code, so timers and reports on the demo mean what they would on real data. Also sets the
 * organisation's complaint settings: the CSAT survey as the recovery survey and tighter targets for VIP客户.
 * Deterministic: the same seed and anchor give the same complaints.
 */
import { seededRandom, type Random } from "@kexin/analytics";
import { choosePolicy } from "../complaints/complaint-settings.ts";
import type { ComplaintCategory, ComplaintSeverity, SlaPolicy } from "@kexin/contracts";
import type { Insertable, Kysely } from "kysely";
import type { ComplaintEventsTable, ComplaintsTable, DB, InteractionsTable } from "../../db/schema.ts";
import { addBusinessMinutes, DEFAULT_BUSINESS_CALENDAR } from "../complaints/business-hours.ts";
import { formatComplaintNumber, yearIn } from "../complaints/complaint-number.ts";
import { dueEscalation, MAX_ESCALATION_LEVEL } from "../complaints/escalate-complaints.ts";
import { DAY_MS } from "./draws.ts";

const COUNT = 36;
const MINUTE_MS = 60_000;

/** What customers complained about, as they put it: subject and body per category. */
const STORIES: Record<ComplaintCategory, [string, string][]> = {
  rude_staff: [
    ["收银员态度恶劣", "结账时问了一句会员积分，收银员很不耐烦，还当着其他顾客的面说我啰嗦。"],
    ["导购翻白眼", "试了三双鞋后导购明显不高兴，最后直接走开了，没人再理我。"],
  ],
  poor_service: [
    ["排队四十分钟无人疏导", "周六下午只开了两个收银台，排了四十分钟，冷冻食品都化了。"],
    ["售后电话一直打不通", "连续三天拨打门店电话都没人接，留言也没有回音。"],
    ["预约试衣没人接待", "提前预约了晚上七点的试衣，到店后说没有记录，让我自己等。"],
  ],
  untrained_staff: [
    ["店员说不清保修政策", "问了两个店员，关于延保的说法完全不同，最后也没搞清楚。"],
    ["新员工不会办理退货", "办理退货花了半个小时，店员一直在打电话问别人怎么操作。"],
  ],
  product_quality: [
    ["买的电水壶两周就坏了", "上月购买的电水壶，用了两周就无法加热，底座有焦味。"],
    ["羊绒衫洗一次就起球", "按标签说明手洗，一次就严重起球，感觉不是纯羊绒。"],
    ["收到的餐具有裂纹", "整套骨瓷餐具里有两个盘子有明显裂纹，包装是完好的。"],
  ],
  poor_choice: [["想要的尺码总是缺货", "连续三周来店里，想要的 42 码一直没有，店员也说不清什么时候到货。"]],
  price: [
    ["结账价格和标价不一致", "货架上标价 89 元，结账时收了 129 元，发现后才退了差价。"],
    ["会员价没有生效", "明明是会员日，系统却没有给会员折扣，多付了 60 多元。"],
  ],
  delivery: [
    ["送货晚了三天", "约好周五送货上门，一直拖到下周一才送到，中间没有任何通知。"],
    ["送货时把家具磕坏了", "送货师傅搬运时把衣柜角磕掉了一块漆，当场不承认。"],
  ],
  changed_needs: [["会员卡余额想退", "我搬去外地了，以后不会再来，希望退回储值卡余额，但门店说不能退。"]],
  other: [["停车场收费太乱", "购物满额说可以免停车费，出口却照样收费，工作人员互相推诿。"]],
};

const CATEGORY_WEIGHTS: [ComplaintCategory, number][] = [
  ["poor_service", 7], ["product_quality", 7], ["rude_staff", 5], ["delivery", 5], ["price", 4],
  ["untrained_staff", 4], ["poor_choice", 2], ["changed_needs", 1], ["other", 1],
];
const SEVERITY_WEIGHTS: [ComplaintSeverity, number][] = [["low", 3], ["medium", 6], ["high", 3], ["critical", 1]];
const CHANNEL_WEIGHTS: [ComplaintsTable["channel"], number][] = [["dashboard", 5], ["public_page", 4], ["email", 2], ["api", 1]];

function pick<T>(random: Random, weighted: [T, number][]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random() * total;
  for (const [value, weight] of weighted) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

const pickOne = <T,>(random: Random, values: readonly T[]) => values[Math.floor(random() * values.length)];

function uuidFrom(random: Random): string {
  let hex = "";
  for (let i = 0; i < 4; i++) hex += Math.floor(random() * 2 ** 32).toString(16).padStart(8, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const DEMO_SLA_POLICIES: SlaPolicy[] = [
  { severity: "critical", tier: "vip", firstResponseMinutes: 30, resolutionMinutes: 240 },
  { severity: "high", tier: "vip", firstResponseMinutes: 60, resolutionMinutes: 480 },
];

export async function seedDemoComplaints(
  db: Kysely<DB>,
  options: { orgId: string; anchorTime: number; seed: number; onProgress?: (message: string) => void },
): Promise<{ complaints: number }> {
  const { orgId, anchorTime } = options;
  const random = seededRandom(options.seed ^ 0xc0a1a1);
  const idRandom = seededRandom(options.seed ^ 0xc0a1d5);
  const calendar = DEFAULT_BUSINESS_CALENDAR;
  const [stores, users, csat] = await Promise.all([
    db.selectFrom("stores").select(["id", "code"]).where("org_id", "=", orgId).orderBy("code").execute(),
    db
      .selectFrom("users as u")
      .leftJoin("user_stores as us", "us.user_id", "u.id")
      .select(["u.id", "u.role", "us.store_id"])
      .where("u.org_id", "=", orgId)
      .orderBy("u.email")
      .orderBy("us.store_id")
      .execute(),
    db.selectFrom("surveys").select("id").where("org_id", "=", orgId).where("template_key", "=", "csat-after-purchase").executeTakeFirst(),
  ]);
  await db
    .insertInto("complaint_settings")
    .values({ org_id: orgId, recovery_survey_id: csat?.id ?? null, holidays: ["2026-01-01", "2026-05-01", "2026-10-01", "2026-10-02"] })
    .execute();
  await db
    .insertInto("complaint_sla_policies")
    .values(DEMO_SLA_POLICIES.map((policy) => ({ org_id: orgId, severity: policy.severity, tier: policy.tier, first_response_minutes: policy.firstResponseMinutes, resolution_minutes: policy.resolutionMinutes })))
    .execute();

  // Customers with an email, a sample per store (the first few hundred by code keep it fast and repeatable).
  const customers = await db
    .selectFrom("customers as c")
    .leftJoin("customer_values as v", "v.customer_id", "c.id")
    .select(["c.id", "c.name", "c.email", "c.phone", "c.home_store_id", "v.tier"])
    .where("c.org_id", "=", orgId)
    .where("c.email", "is not", null)
    .orderBy("c.code")
    .limit(400)
    .execute();
  const staffOf = (storeId: string) => users.filter((user) => user.store_id === storeId && (user.role === "store_manager" || user.role === "agent"));
  const repeaters = customers.slice(0, 3);

  const complaints: Insertable<ComplaintsTable>[] = [];
  const events: Insertable<ComplaintEventsTable>[] = [];
  const interactions: Insertable<InteractionsTable>[] = [];
  const sequences = new Map<number, number>();
  const drafts = Array.from({ length: COUNT }, () => anchorTime - Math.floor(random() * 60) * DAY_MS - Math.floor(random() * 10 * 60) * MINUTE_MS - 7 * 3_600_000)
    .sort((a, b) => a - b);
  for (const [index, createdTime] of drafts.entries()) {
    const createdAt = new Date(createdTime);
    const store = pickOne(random, stores);
    const category = pick(random, CATEGORY_WEIGHTS);
    const severity = pick(random, SEVERITY_WEIGHTS);
    const channel = pick(random, CHANNEL_WEIGHTS);
    const [subject, body] = pickOne(random, STORIES[category]);
    const customer = index % 9 === 4 ? repeaters[index % repeaters.length] : random() < 0.75 ? pickOne(random, customers.filter((c) => c.home_store_id === store.id)) : undefined;
    const staff = staffOf(store.id);
    const staffId = ["rude_staff", "untrained_staff"].includes(category) && staff.length > 0 ? pickOne(random, staff).id : null;
    const assignee = random() < 0.85 && staff.length > 0 ? pickOne(random, staff).id : null;
    const tier = customer?.tier ?? null;
    const policy = choosePolicy(DEMO_SLA_POLICIES, severity, tier);
    const firstDue = addBusinessMinutes(calendar, createdAt, policy.firstResponseMinutes);
    const resolutionDue = addBusinessMinutes(calendar, createdAt, policy.resolutionMinutes);
    const age = anchorTime - createdTime;
    // Older complaints are mostly finished; a few recent ones are still open, some of them overdue.
    const stage = age > 10 * DAY_MS ? (random() < 0.85 ? "closed" : random() < 0.5 ? "resolved" : "in_progress") : pickOne(random, ["open", "in_progress", "in_progress", "resolved", "closed"] as const);
    const isLate = random() < 0.25;
    const respondedAt = stage === "open" ? null : addBusinessMinutes(calendar, createdAt, Math.round(policy.firstResponseMinutes * (isLate ? 1.4 + random() : 0.2 + random() * 0.7)));
    const resolvedAt = stage === "resolved" || stage === "closed"
      ? addBusinessMinutes(calendar, createdAt, Math.round(policy.resolutionMinutes * (isLate ? 1.2 + random() : 0.15 + random() * 0.8)))
      : null;
    const isResolvedInPast = resolvedAt !== null && resolvedAt.getTime() < anchorTime;
    const status = resolvedAt && !isResolvedInPast ? "in_progress" : stage;
    const year = yearIn(calendar.timeZone, createdAt);
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const id = uuidFrom(idRandom);
    const number = formatComplaintNumber(year, sequence);
    const compensation = isResolvedInPast && random() < 0.5 ? pickOne(random, [["voucher", 50], ["refund", 89], ["gift", null], ["points", 500], ["replacement", null]] as const) : null;
    const closedAt = status === "closed" && resolvedAt ? new Date(resolvedAt.getTime() + DAY_MS) : null;
    const row: Insertable<ComplaintsTable> = {
      id,
      org_id: orgId,
      number,
      store_id: store.id,
      customer_id: customer?.id ?? null,
      category,
      severity,
      channel,
      subject,
      body,
      language: "zh-CN",
      contact_name: customer?.name ?? pickOne(random, ["张先生", "李女士", "王女士", "刘先生"]),
      contact_email: customer?.email ?? null,
      contact_phone: customer?.phone ?? `1390000${String(1000 + index).slice(-4)}`,
      staff_id: staffId,
      staff_name: null,
      customer_tier: tier,
      status,
      assignee_id: status === "open" ? null : assignee,
      first_response_minutes: policy.firstResponseMinutes,
      resolution_minutes: policy.resolutionMinutes,
      first_response_due_at: firstDue,
      resolution_started_at: createdAt,
      resolution_due_at: resolutionDue,
      first_responded_at: respondedAt && respondedAt.getTime() < anchorTime ? respondedAt : null,
      resolved_at: isResolvedInPast ? resolvedAt : null,
      closed_at: closedAt && closedAt.getTime() < anchorTime ? closedAt : null,
      resolution_note: isResolvedInPast ? "已致电客户道歉，说明原因并给出处理方案，客户表示接受。" : null,
      compensation_kind: compensation?.[0] ?? null,
      compensation_amount: compensation?.[1] ?? null,
      compensation_note: compensation ? "门店经理批准" : null,
      recovery_status: status === "closed" ? (customer ? "sent" : "skipped") : null,
      recovery_survey_id: status === "closed" ? (csat?.id ?? null) : null,
      recovery_reason: status === "closed" && !customer ? "the complaint is not linked to a customer" : null,
      created_at: createdAt,
      updated_at: createdAt,
    };
    if (row.status === "closed" && !row.closed_at) row.status = "resolved";
    complaints.push(row);
    events.push({ id: uuidFrom(idRandom), org_id: orgId, complaint_id: id, kind: "filed", created_at: createdAt });
    if (row.first_responded_at) {
      events.push({ id: uuidFrom(idRandom), org_id: orgId, complaint_id: id, kind: "reply", channel: row.contact_email ? "email" : "phone", body: "您好，非常抱歉给您带来不好的体验，我们已经在核实情况，今天内会给您答复。", recipients: row.contact_email ? [row.contact_email] : [], notified_at: row.contact_email ? row.first_responded_at : null, user_id: row.assignee_id, created_at: row.first_responded_at });
    }
    // Escalations the sweep would have made by the anchor, from the same rule it uses.
    const levels = Math.min(MAX_ESCALATION_LEVEL, dueEscalation(calendar, new Date(Math.min(anchorTime, (row.resolved_at as Date | null)?.getTime() ?? anchorTime)), {
      id, store_id: store.id, created_at: createdAt, first_responded_at: (row.first_responded_at as Date | null) ?? null,
      first_response_minutes: policy.firstResponseMinutes, first_response_due_at: firstDue, resolution_started_at: createdAt,
      resolution_minutes: policy.resolutionMinutes, resolution_due_at: resolutionDue, escalation_level: 0,
    }).level);
    for (let level = 1; level <= levels; level++) {
      const at = level === 1 ? (respondedAt && respondedAt > firstDue ? firstDue : resolutionDue) : addBusinessMinutes(calendar, createdAt, 2 * policy.firstResponseMinutes);
      const recipients = users.filter((user) => (level === 1 ? user.role === "store_manager" && user.store_id === store.id : user.role === "manager")).map((user) => user.id);
      events.push({ id: uuidFrom(idRandom), org_id: orgId, complaint_id: id, kind: "escalated", level, body: "firstResponse", recipients: await emailsOf(db, recipients), notified_at: new Date(Math.min(at.getTime() + MINUTE_MS, anchorTime)), created_at: new Date(Math.min(at.getTime() + MINUTE_MS, anchorTime)) });
    }
    row.escalation_level = levels;
    if (row.resolved_at) events.push({ id: uuidFrom(idRandom), org_id: orgId, complaint_id: id, kind: "resolved", to_status: "resolved", body: row.resolution_note, user_id: row.assignee_id, created_at: row.resolved_at });
    if (row.closed_at) {
      events.push({ id: uuidFrom(idRandom), org_id: orgId, complaint_id: id, kind: "closed", to_status: "closed", user_id: row.assignee_id, created_at: row.closed_at });
      events.push({ id: uuidFrom(idRandom), org_id: orgId, complaint_id: id, kind: "recovery_survey", body: row.recovery_reason, recipients: row.contact_email && customer ? [row.contact_email] : [], notified_at: customer ? row.closed_at : null, notify_error: customer ? null : row.recovery_reason, created_at: row.closed_at });
    }
    if (customer) {
      interactions.push({ id: uuidFrom(idRandom), org_id: orgId, customer_id: customer.id, store_id: store.id, kind: "complaint", summary: `${number}: ${subject}`, occurred_at: createdAt });
      if (row.resolved_at) interactions.push({ id: uuidFrom(idRandom), org_id: orgId, customer_id: customer.id, store_id: store.id, user_id: row.assignee_id, kind: "complaint", summary: `${number}: ${row.resolution_note}`, occurred_at: row.resolved_at });
    }
  }
  await db.insertInto("complaints").values(complaints).execute();
  await db.insertInto("complaint_events").values(events).execute();
  if (interactions.length > 0) await db.insertInto("interactions").values(interactions).execute();
  await db.insertInto("complaint_counters").values([...sequences].map(([year, last]) => ({ org_id: orgId, year, last_number: last }))).execute();
  options.onProgress?.(`inserted ${complaints.length} complaints with ${events.length} history events`);
  return { complaints: complaints.length };
}

const emailCache = new Map<string, string>();
async function emailsOf(db: Kysely<DB>, userIds: string[]): Promise<string[]> {
  const missing = userIds.filter((id) => !emailCache.has(id));
  if (missing.length > 0) {
    for (const user of await db.selectFrom("users").select(["id", "email"]).where("id", "in", missing).execute()) emailCache.set(user.id, user.email);
  }
  return userIds.map((id) => emailCache.get(id)!).filter(Boolean);
}
