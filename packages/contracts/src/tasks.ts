/**
 * Tasks: dated things a person must do for a customer. Survey answers and feedback that match a closed-loop rule
 * create follow-ups; maintenance plans add scheduled calls later. Each task has a dedupe key, so regenerating never
 * duplicates one.
 */
import { z } from "zod";
import { Id, IsoDateTime } from "./common.ts";
import { ServiceFiguresInput } from "./plans.ts";
import { CustomerTier } from "./value.ts";

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
  /** Whether the customer is a person or a company (B2B customers carry service figures); null without a customer. */
  customerKind: z.enum(["person", "company"]).nullable(),
  /** For a plan task: the tier whose plan asked for it, and whether the call records service figures. */
  planTier: CustomerTier.nullable(),
  recordsServiceFigures: z.boolean(),
  /** The service figures this task recorded, if any (percent). */
  serviceFigures: z.object({ onTimeDeliveryRate: z.number().nullable(), inspectionPassRate: z.number().nullable() }).nullable(),
});
export type Task = z.infer<typeof Task>;

export const TaskListQuery = z.object({
  status: TaskStatus.optional(),
  /** Only tasks assigned to the signed-in user. */
  mine: z.enum(["true", "false"]).optional().transform((value) => value === "true"),
  customerId: Id.optional(),
  /** Only tasks assigned to this colleague (a manager looking at one person's list); within the caller's reach. */
  assigneeId: Id.optional(),
  /** Only one kind: e.g. follow_up for closed-loop follow-ups, call for plan calls. */
  kind: TaskKind.optional(),
  /** today: due during today (Asia/Shanghai); overdue: open and past due; upcoming: due after today. */
  due: z.enum(["today", "overdue", "upcoming", "all"]).default("all"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const TaskList = z.object({ items: z.array(Task), total: z.number().int(), openCount: z.number().int(), overdueCount: z.number().int() });

export const TaskUpdate = z.object({
  status: TaskStatus.optional(),
  outcome: TaskOutcome.optional(),
  outcomeNote: z.string().trim().max(2000).optional(),
  assigneeId: Id.nullable().optional(),
  /** For a company customer's task being done: on-time delivery and inspection pass rate (percent). */
  serviceFigures: ServiceFiguresInput.optional(),
});
export type TaskUpdate = z.input<typeof TaskUpdate>;
