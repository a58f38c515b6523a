import type { Locale, Task, TaskUpdate } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { z } from "zod";
import type { DB, TaskOutcomeValue } from "../../db/schema.ts";
import { AppError, notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { presentTask, selectTasks, taskScope, type TaskRow } from "./task-record.ts";

type Input = z.output<typeof TaskUpdate>;

/** The line a finished follow-up leaves on the customer's timeline, in the language of whoever finished it. */
const OUTCOME_PHRASES: Record<Locale, { prefix: string } & Record<TaskOutcomeValue, string>> = {
  "zh-CN": { prefix: "跟进", reached: "已联系上", not_reached: "未联系上", issue_found: "发现问题", resolved: "已解决" },
  en: { prefix: "Follow-up", reached: "reached", not_reached: "not reached", issue_found: "issue found", resolved: "resolved" },
  "zh-TW": { prefix: "跟進", reached: "已聯繫上", not_reached: "未聯繫上", issue_found: "發現問題", resolved: "已解決" },
};

export function outcomeSummary(outcome: TaskOutcomeValue, note: string | null, language: Locale): string {
  const phrases = OUTCOME_PHRASES[language];
  const separator = language === "en" ? ": " : "：";
  const line = `${phrases.prefix}${separator}${phrases[outcome]}${note ? ` — ${note}` : ""}`;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

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
 * ("Follow-up: reached — <note>"), once.
 * @throws AppError task.not_found outside the actor's reach (also another store's task); task.outcome_needs_done
 *   when an outcome is given for a task that is not done; task.assignee_invalid for a colleague who cannot take it.
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
          kind: "task",
          summary: outcomeSummary(outcome, note, language),
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
