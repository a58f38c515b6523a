/**
 * What a demo answer leaves behind, as a live answer would: the "survey" line on an identified customer's timeline
 * and the closed-loop follow-up tasks its survey's rules open — both built by the answering code itself
 * (surveyTimelineEntry, evaluateClosedLoop, followUpTasks), so a demo task reads exactly like a live one. Then
 * time passes: tasks older than a few days were mostly worked (done with an outcome and a note, the outcome also
 * on the timeline, as updateTask writes it), recent ones are open, and a few are overdue.
 */
import type { Random } from "@kexin/analytics";
import type { Answers, SurveyDefinition } from "@kexin/contracts";
import type { Insertable } from "kysely";
import type { InteractionsTable, TaskOutcomeValue, TasksTable } from "../../db/schema.ts";
import { surveyTimelineEntry } from "../surveys/answering/answer-phrases.ts";
import { evaluateClosedLoop, followUpTasks } from "../surveys/answering/closed-loop.ts";
import type { FollowUpTaskInput } from "../tasks/create-follow-up-task.ts";
import { outcomeSummary } from "../tasks/update-task.ts";
import { chance, DAY_MS, pick, weightedPicker } from "./draws.ts";
import type { PlannedResponse } from "./plan-demo-responses.ts";
import type { CommentTopic } from "./survey-comments.ts";

const HOUR_MS = 3_600_000;

/** What the store found when it looked into an anonymous complaint, by what was complained about. */
const FINDINGS: Record<CommentTopic, string> = {
  queue: "核实高峰期收银台开得不够，已调整周末收银排班。",
  staff: "核实为店员服务不到位，已安排服务礼仪培训。",
  stock: "确认该商品缺货，已通知采购加大备货。",
  freshness: "检查生鲜区，已下架不新鲜商品并加强巡检。",
  cleanliness: "已加强卫生间和生鲜区的清洁频次。",
  price: "核对价签，已更正标价错误并向收银组通报。",
  convenience: "已反馈给运营部，改进停车引导和线上下单。",
  after_sales: "已简化退换货流程，由客服主管跟进。",
  general: "已在门店晨会通报，逐项改进。",
};

const CUSTOMER_NOTES: Record<Exclude<TaskOutcomeValue, "issue_found">, readonly string[]> = {
  resolved: ["已致电顾客致歉并说明改进措施，顾客表示理解。", "已为顾客办理退换并赠送优惠券，顾客满意。", "问题已处理，顾客表示会再来。"],
  reached: ["已电话回访，顾客接受道歉，意见已记录。", "已联系上顾客，意见已转交门店改进。"],
  not_reached: ["两次致电无人接听，已发短信致歉。", "电话未接通，已通过微信留言致歉。"],
};

const pickCustomerOutcome = weightedPicker(
  [
    ["resolved", 0.45],
    ["reached", 0.3],
    ["issue_found", 0.15],
    ["not_reached", 0.1],
  ] as const,
  ([, weight]) => weight,
);

export interface FollowUpContext {
  orgId: string;
  anchorTime: number;
  /** Who closes a task: its assignee, else the manager of its store. */
  closerOf(task: FollowUpTaskInput): string | null;
  nextId(): string;
}

export interface Consequences {
  interactions: Insertable<InteractionsTable>[];
  tasks: Insertable<TasksTable>[];
}

interface Settled {
  status: "open" | "done" | "dismissed";
  outcome: TaskOutcomeValue | null;
  note: string | null;
  closedAt: number | null;
}

/** How a task stands at the anchor: older ones were mostly worked, recent ones are open (some past due). */
function settle(random: Random, task: FollowUpTaskInput, createdAt: number, anchorTime: number, complaint: CommentTopic): Settled {
  const age = anchorTime - createdAt;
  const workedChance = age > 14 * DAY_MS ? 1 : age > 5 * DAY_MS ? 0.8 : age > 2 * DAY_MS ? 0.5 : 0.15;
  const closedAt = createdAt + (chance(random, 0.9) ? 2 + random() * 30 : 40 + random() * 60) * HOUR_MS;
  if (!chance(random, workedChance) || closedAt >= anchorTime) return { status: "open", outcome: null, note: null, closedAt: null };
  if (task.customerId === null) {
    // An anonymous answer leaves nobody to call: the store looks into what was said, or lets it go.
    if (chance(random, 0.1)) return { status: "dismissed", outcome: null, note: "匿名回答，未留联系方式，已在晨会通报。", closedAt };
    return chance(random, 0.6)
      ? { status: "done", outcome: "issue_found", note: FINDINGS[complaint], closedAt }
      : { status: "done", outcome: "resolved", note: `${FINDINGS[complaint]}店长已复查。`, closedAt };
  }
  const [outcome] = pickCustomerOutcome(random);
  const note = outcome === "issue_found" ? FINDINGS[complaint] : pick(random, CUSTOMER_NOTES[outcome]);
  return { status: "done", outcome, note, closedAt };
}

/**
 * Adds to `into` the timeline entry and follow-up tasks of one stored answer. `answers` are the checked answers
 * (validateAnswers), as the live path evaluates its rules on them.
 */
export function addConsequences(
  random: Random,
  response: PlannedResponse,
  answers: Answers,
  survey: { id: string; name: string; definition: SurveyDefinition },
  context: FollowUpContext,
  into: Consequences,
): void {
  const { customer } = response;
  const submittedAt = new Date(response.submittedAt);
  if (customer) {
    const entry = surveyTimelineEntry(survey.name, survey.definition, answers);
    into.interactions.push({
      id: context.nextId(),
      org_id: context.orgId,
      customer_id: customer.id,
      store_id: response.storeId,
      user_id: null,
      kind: "survey",
      summary: entry.summary,
      body: entry.body,
      occurred_at: submittedAt,
      created_at: submittedAt,
    });
  }
  const tasks = followUpTasks(evaluateClosedLoop(survey.definition, answers), {
    orgId: context.orgId,
    surveyId: survey.id,
    surveyName: survey.name,
    responseId: response.id,
    definition: survey.definition,
    customerId: customer?.id ?? null,
    accountManagerId: customer?.accountManagerId ?? null,
    storeId: response.storeId,
    now: submittedAt,
  });
  for (const task of tasks) {
    const settled = settle(random, task, response.submittedAt, context.anchorTime, response.simulated.complaint ?? "general");
    const closedBy = settled.closedAt === null ? null : context.closerOf(task);
    into.tasks.push({
      id: context.nextId(),
      org_id: task.orgId,
      kind: "follow_up",
      status: settled.status,
      title: task.title,
      detail: task.detail ?? null,
      customer_id: task.customerId,
      store_id: task.storeId,
      assignee_id: task.assigneeId,
      source_type: task.sourceType,
      source_id: task.sourceId,
      survey_id: task.surveyId ?? null,
      dedupe_key: task.dedupeKey,
      due_at: task.dueAt,
      outcome: settled.outcome,
      outcome_note: settled.note,
      closed_by: closedBy,
      created_at: submittedAt,
      closed_at: settled.closedAt === null ? null : new Date(settled.closedAt),
    });
    if (!task.customerId) continue;
    // createFollowUpTask's timeline line when the task opens (a second after the answer's, so the timeline lists
    // them in a fixed order) …
    const openedAt = new Date(response.submittedAt + 1000);
    into.interactions.push({
      id: context.nextId(),
      org_id: task.orgId,
      customer_id: task.customerId,
      store_id: task.storeId,
      user_id: null,
      kind: "task",
      summary: task.title,
      body: task.detail ?? null,
      occurred_at: openedAt,
      created_at: openedAt,
    });
    // … and updateTask's when it is done with an outcome.
    if (settled.status === "done" && settled.outcome && settled.closedAt !== null) {
      const closedAt = new Date(settled.closedAt);
      into.interactions.push({
        id: context.nextId(),
        org_id: task.orgId,
        customer_id: task.customerId,
        store_id: task.storeId,
        user_id: closedBy,
        kind: "task",
        summary: outcomeSummary(settled.outcome, settled.note, "zh-CN"),
        body: settled.note && settled.note.length > 150 ? `${task.title}\n${settled.note}` : task.title,
        occurred_at: closedAt,
        created_at: closedAt,
      });
    }
  }
}
