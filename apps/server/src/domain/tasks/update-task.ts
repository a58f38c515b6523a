import type { Locale, Task, TaskUpdate } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { z } from "zod";
import type { DB, TaskKindValue, TaskOutcomeValue } from "../../db/schema.ts";
import { AppError, notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { presentTask, selectTasks, taskScope, type TaskRow } from "./task-record.ts";

type Input = z.output<typeof TaskUpdate>;

/** The line a finished task leaves on the customer's timeline, in the language of whoever finished it. */
const OUTCOME_PHRASES: Record<
  Locale,
  Record<TaskKindValue, string> & Record<TaskOutcomeValue, string> & { onTimeDelivery: string; inspectionPass: string }
> = {
  "zh-CN": {
    follow_up: "跟进", call: "电话", visit: "拜访", greeting: "问候",
    reached: "已联系上", not_reached: "未联系上", issue_found: "发现问题", resolved: "已解决",
    onTimeDelivery: "准时交付率", inspectionPass: "验货合格率",
  },
  en: {
    follow_up: "Follow-up", call: "Call", visit: "Visit", greeting: "Greeting",
    reached: "reached", not_reached: "not reached", issue_found: "issue found", resolved: "resolved",
    onTimeDelivery: "on-time delivery", inspectionPass: "inspection pass rate",
  },
  "zh-TW": {
    follow_up: "跟進", call: "電話", visit: "拜訪", greeting: "問候",
    reached: "已聯繫上", not_reached: "未聯繫上", issue_found: "發現問題", resolved: "已解決",
    onTimeDelivery: "準時交付率", inspectionPass: "驗貨合格率",
  },
};

export interface OutcomeDetails {
  /** The task's kind names the line (a plan call reads "Call: reached"); a follow-up by default. */
  kind?: TaskKindValue;
  figures?: { onTimeDeliveryRate: number | null; inspectionPassRate: number | null } | null;
}

export function outcomeSummary(outcome: TaskOutcomeValue, note: string | null, language: Locale, details: OutcomeDetails = {}): string {
  const phrases = OUTCOME_PHRASES[language];
  const separator = language === "en" ? ": " : "：";
  const figures = details.figures
    ? [
        details.figures.onTimeDeliveryRate !== null && `${phrases.onTimeDelivery} ${details.figures.onTimeDeliveryRate}%`,
        details.figures.inspectionPassRate !== null && `${phrases.inspectionPass} ${details.figures.inspectionPassRate}%`,
      ].filter(Boolean)
    : [];
  const head = [`${phrases[details.kind ?? "follow_up"]}${separator}${phrases[outcome]}`, ...figures].join(" · ");
  const line = `${head}${note ? ` — ${note}` : ""}`;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Plan calls and visits show on the timeline as calls and visits; everything else as a task. */
const TIMELINE_KINDS: Partial<Record<TaskKindValue, string>> = { call: "call", visit: "visit" };

async function findTask(db: Kysely<DB>, actor: Actor, id: string): Promise<TaskRow> {
  const scope = taskScope(actor);
  let query = selectTasks(db, actor.orgId).where("t.id", "=", id);
  if (scope) query = query.where(scope);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("task");
  return row;
}

/** An active user of the organisation who can work the task's store (organisation-wide roles always can). */
async function assertAssignable(db: Kysely<DB>, actor: Actor, assigneeId: string, storeId: string | null): Promise<void> {
  const user = await db
    .selectFrom("users as u")
    .select(["u.role", sql<string[]>`array(select us.store_id from user_stores us where us.user_id = u.id)`.as("store_ids")])
    .where("u.org_id", "=", actor.orgId)
    .where("u.id", "=", assigneeId)
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  const isOrgWide = user?.role === "admin" || user?.role === "manager";
  if (!user || (!isOrgWide && (storeId === null || !user.store_ids.includes(storeId)))) {
    throw new AppError("task.assignee_invalid", "invalid", "assign the task to an active colleague of the task's store", "assigneeId");
  }
}

/**
 * Changes a task's status, outcome or assignee. Closing (done or dismissed) records who and when; reopening clears
 * that. Marking a customer's task done with an outcome writes it on the customer's timeline
 * ("Follow-up: reached — <note>", "Call: reached · on-time delivery 96% · …"), once. A company customer's task
 * done may record service figures (one row per task: recording again replaces them).
 * @throws AppError task.not_found outside the actor's reach (also another store's task); task.outcome_needs_done
 *   when an outcome is given for a task that is not done; task.assignee_invalid for a colleague who cannot take it;
 *   task.figures_need_done / task.figures_need_company (field serviceFigures).
 */
export async function updateTask({
  db,
  actor,
  id,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: Input;
  now?: Date;
}): Promise<Task> {
  const task = await findTask(db, actor, id);
  const status = input.status ?? task.status;
  if (input.outcome !== undefined && status !== "done") {
    throw new AppError("task.outcome_needs_done", "invalid", "an outcome is recorded when the task is done; set status to done", "outcome");
  }
  if (input.assigneeId) await assertAssignable(db, actor, input.assigneeId, task.store_id);
  const figures = input.serviceFigures ?? null;
  if (figures && status !== "done") {
    throw new AppError("task.figures_need_done", "invalid", "service figures are recorded when the task is done; set status to done", "serviceFigures");
  }
  if (figures && (!task.customer_id || task.customer_kind !== "company" || task.customer_erased_at)) {
    throw new AppError("task.figures_need_company", "invalid", "service figures are recorded for company customers only", "serviceFigures");
  }
  const isClosing = status !== "open" && task.status === "open";
  const isReopening = status === "open" && task.status !== "open";
  const outcome = input.outcome ?? task.outcome;
  const note = input.outcomeNote === undefined ? task.outcome_note : input.outcomeNote || null;
  const isNewOutcome = status === "done" && outcome !== null && (task.status !== "done" || task.outcome === null);

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("tasks")
      .set({
        status,
        outcome,
        outcome_note: note,
        ...(input.assigneeId !== undefined && { assignee_id: input.assigneeId }),
        ...(isClosing && { closed_at: now, closed_by: storedUserId(actor) }),
        ...(isReopening && { closed_at: null, closed_by: null }),
      })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .execute();
    if (figures && task.customer_id) {
      const row = {
        on_time_delivery_rate: figures.onTimeDeliveryRate,
        inspection_pass_rate: figures.inspectionPassRate,
        recorded_by: storedUserId(actor),
        recorded_at: now,
      };
      await trx
        .insertInto("service_figures")
        .values({ org_id: actor.orgId, customer_id: task.customer_id, store_id: task.store_id, task_id: task.id, ...row })
        .onConflict((conflict) => conflict.column("task_id").where("task_id", "is not", null).doUpdateSet(row))
        .execute();
    }
    if (isNewOutcome && outcome && task.customer_id && !task.customer_erased_at) {
      const user = await trx.selectFrom("users").select("locale").where("id", "=", actor.userId).executeTakeFirst();
      const language = (["zh-CN", "en", "zh-TW"] as const).find((locale) => locale === user?.locale) ?? "zh-CN";
      await trx
        .insertInto("interactions")
        .values({
          org_id: actor.orgId,
          customer_id: task.customer_id,
          store_id: task.store_id,
          user_id: storedUserId(actor),
          kind: TIMELINE_KINDS[task.kind] ?? "task",
          summary: outcomeSummary(outcome, note, language, { kind: task.kind, figures }),
          body: note && note.length > 150 ? `${task.title}\n${note}` : task.title,
          occurred_at: now,
        })
        .execute();
    }
  });
  // Read back without the scope: a store-bound user who hands their own task to the store still gets the result.
  const updated = await selectTasks(db, actor.orgId).where("t.id", "=", id).executeTakeFirstOrThrow();
  return presentTask(updated, now);
}
