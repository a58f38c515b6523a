/**
 * Tasks: dated things a person must do for a customer. Survey answers and feedback that match a closed-loop rule
 * create follow-ups; maintenance plans add scheduled calls later. Each task has a dedupe key, so regenerating never
 * duplicates one.
 */
import { z } from "zod";
import { Id, IsoDateTime } from "./common.ts";

export const TaskKind = z.enum(["follow_up", "call", "visit", "greeting"]);
export const TaskStatus = z.enum(["open", "done", "dismissed"]);
export const TaskOutcome = z.enum(["reached", "not_reached", "issue_found", "resolved"]);

export const Task = z.object({
  id: Id,
  kind: TaskKind,
  status: TaskStatus,
  title: z.string(),
  detail: z.string().nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  storeId: Id.nullable(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  /** Where it came from: a survey response or a feedback item, for a link back. */
  sourceType: z.enum(["survey_response", "feedback", "plan"]).nullable(),
  sourceId: Id.nullable(),
  surveyId: Id.nullable(),
  dueAt: IsoDateTime,
  isOverdue: z.boolean(),
  outcome: TaskOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  createdAt: IsoDateTime,
  closedAt: IsoDateTime.nullable(),
});
export type Task = z.infer<typeof Task>;

export const TaskListQuery = z.object({
  status: TaskStatus.optional(),
  /** Only tasks assigned to the signed-in user. */
  mine: z.enum(["true", "false"]).optional().transform((value) => value === "true"),
  customerId: Id.optional(),
  due: z.enum(["today", "overdue", "all"]).default("all"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const TaskList = z.object({ items: z.array(Task), total: z.number().int(), openCount: z.number().int(), overdueCount: z.number().int() });

export const TaskUpdate = z.object({
  status: TaskStatus.optional(),
  outcome: TaskOutcome.optional(),
  outcomeNote: z.string().trim().max(2000).optional(),
  assigneeId: Id.nullable().optional(),
});
export type TaskUpdate = z.input<typeof TaskUpdate>;
