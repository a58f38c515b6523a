/**
 * How a task is read: one query shape (customer name and kind, assignee name, the plan action behind a plan task,
 * the service figures it recorded) and one presenter, and the scope rule shared by
 * the list and the update: organisation-wide roles reach every task; store-bound roles reach their stores' tasks
 * and any task assigned to them.
 */
import type { Task } from "@kexin/contracts";
import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { toIso } from "../customers/customer-record.ts";

export function selectTasks(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom("tasks as t")
    .leftJoin("customers as c", (join) => join.onRef("c.id", "=", "t.customer_id").on("c.org_id", "=", orgId))
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "t.assignee_id").on("u.org_id", "=", orgId))
    .leftJoin("plan_actions as pa", (join) =>
      join.onRef("pa.id", "=", "t.source_id").on("pa.org_id", "=", orgId).on("t.source_type", "=", "plan"),
    )
    .leftJoin("maintenance_plans as mp", (join) => join.onRef("mp.id", "=", "pa.plan_id").on("mp.org_id", "=", orgId))
    .leftJoin("service_figures as sf", (join) => join.onRef("sf.task_id", "=", "t.id").on("sf.org_id", "=", orgId))
    .selectAll("t")
    .select([
      "c.name as customer_name",
      "c.kind as customer_kind",
      "c.erased_at as customer_erased_at",
      "u.name as assignee_name",
      "mp.tier as plan_tier",
      "pa.records_service_figures",
      "sf.on_time_delivery_rate",
      "sf.inspection_pass_rate",
      "sf.id as service_figures_id",
    ])
    .where("t.org_id", "=", orgId);
}

export type TaskRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectTasks>["executeTakeFirst"]>>>;

/** The scope condition on `tasks as t`, or null for organisation-wide roles (no condition). */
export function taskScope(actor: Actor): RawBuilder<SqlBool> | null {
  const scope = storeScope(actor);
  if (scope === null) return null;
  return scope.length > 0
    ? sql<SqlBool>`(t.store_id = any(${scope}::uuid[]) or t.assignee_id = ${actor.userId})`
    : sql<SqlBool>`t.assignee_id = ${actor.userId}`;
}

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

export function presentTask(row: TaskRow, now: Date): Task {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    detail: row.detail,
    customerId: row.customer_id,
    customerName: row.customer_name,
    storeId: row.store_id,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    sourceType: row.source_type,
    sourceId: row.source_id,
    surveyId: row.survey_id,
    dueAt: toIso(row.due_at)!,
    isOverdue: row.status === "open" && new Date(row.due_at).getTime() < now.getTime(),
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    createdAt: toIso(row.created_at)!,
    closedAt: toIso(row.closed_at),
    customerKind: row.customer_id ? (row.customer_kind ?? null) : null,
    planTier: row.plan_tier ?? null,
    recordsServiceFigures: row.records_service_figures === true,
    serviceFigures: row.service_figures_id
      ? { onTimeDeliveryRate: toNumber(row.on_time_delivery_rate), inspectionPassRate: toNumber(row.inspection_pass_rate) }
      : null,
  };
}
