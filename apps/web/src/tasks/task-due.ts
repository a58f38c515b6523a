/**
 * How a task's due time reads: overdue (open and past due), due today, or later. "Today" is the calendar day in
 * Asia/Shanghai, as the server reads it for the today view, wherever the browser is.
 */
import type { Task } from "@kexin/contracts";

const shanghaiDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export type DueState = "overdue" | "today" | "later";

/** `now` is passed in so the same task reads the same in a test. */
export function dueState(task: Pick<Task, "dueAt" | "isOverdue" | "status">, now: Date): DueState {
  if (task.isOverdue) return "overdue";
  const isToday = shanghaiDay.format(new Date(task.dueAt)) === shanghaiDay.format(now);
  return task.status === "open" && isToday ? "today" : "later";
}
