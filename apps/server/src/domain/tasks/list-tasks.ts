import type { TaskList, TaskListQuery } from "@kexin/contracts";
import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { addDays, localDay, startOfDay } from "../plans/plan-calendar.ts";
import { presentTask, selectTasks, taskScope } from "./task-record.ts";

type ListQuery = z.output<typeof TaskListQuery>;

/** Midnight today and tomorrow in the stores' time zone (Asia/Shanghai, as plans, reports and the dashboard). */
function today(now: Date): { start: Date; end: Date } {
  const day = localDay(now);
  return { start: startOfDay(day), end: startOfDay(addDays(day, 1)) };
}

/**
 * One page of tasks, soonest due first (then highest tier first), with how many are open and overdue (counted over the same scope, `mine`
 * and customer, but not the status and due filters, so the badges stay put while the user switches tabs).
 * `due=today` is due during today; `due=overdue` is open and past due; `due=upcoming` is due after today.
 * `assigneeId` narrows to one colleague's tasks, still within the caller's reach.
 * Cost: one page query and one count query, on the (org_id, store_id|assignee_id, status, due_at) indexes.
 */
export async function listTasks({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: ListQuery;
  now?: Date;
}): Promise<z.input<typeof TaskList>> {
  const base: RawBuilder<SqlBool>[] = [sql<SqlBool>`t.org_id = ${actor.orgId}`];
  const scope = taskScope(actor);
  if (scope) base.push(scope);
  if (input.mine) base.push(sql<SqlBool>`t.assignee_id = ${actor.userId}`);
  if (input.customerId) base.push(sql<SqlBool>`t.customer_id = ${input.customerId}`);
  if (input.assigneeId) base.push(sql<SqlBool>`t.assignee_id = ${input.assigneeId}`);
  if (input.kind) base.push(sql<SqlBool>`t.kind = ${input.kind}`);
  const filters = [...base];
  if (input.status) filters.push(sql<SqlBool>`t.status = ${input.status}`);
  if (input.due === "today") {
    const { start, end } = today(now);
    filters.push(sql<SqlBool>`t.due_at >= ${start} and t.due_at < ${end}`);
  } else if (input.due === "overdue") {
    filters.push(sql<SqlBool>`t.status = 'open' and t.due_at < ${now}`);
  } else if (input.due === "upcoming") {
    filters.push(sql<SqlBool>`t.due_at >= ${today(now).end}`);
  }
  const and = (conditions: RawBuilder<SqlBool>[]) => sql<SqlBool>`${sql.join(conditions, sql` and `)}`;

  const [rows, counts] = await Promise.all([
    selectTasks(db, actor.orgId)
      .where(and(filters))
      .orderBy("t.due_at", "asc")
      // Plan tasks due together come highest tier first: the VIP call before the 普通 one.
      .orderBy(sql`case mp.tier when 'vip' then 0 when 'important' then 1 when 'quality' then 2 when 'ordinary' then 3 else 4 end`)
      .orderBy("t.created_at", "asc")
      .orderBy("t.id", "asc")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    sql<{ total: string; open: string; overdue: string }>`
      select count(*) filter (where ${and(filters)}) as total,
             count(*) filter (where t.status = 'open') as open,
             count(*) filter (where t.status = 'open' and t.due_at < ${now}) as overdue
      from tasks t where ${and(base)}
    `.execute(db),
  ]);
  const count = counts.rows[0];
  return {
    items: rows.map((row) => presentTask(row, now)),
    total: Number(count?.total ?? 0),
    openCount: Number(count?.open ?? 0),
    overdueCount: Number(count?.overdue ?? 0),
  };
}
