/** How a task's due time reads: overdue (open and past due), due today, or later. */
import type { Task } from "@kexin/contracts";

export type DueState = "overdue" | "today" | "later";

/** `now` is passed in so the same task reads the same in a test. */
export function dueState(task: Pick<Task, "dueAt" | "isOverdue" | "status">, now: Date): DueState {
  if (task.isOverdue) return "overdue";
  const due = new Date(task.dueAt);
  const isToday =
    due.getFullYear() === now.getFullYear() && due.getMonth() === now.getMonth() && due.getDate() === now.getDate();
  return task.status === "open" && isToday ? "today" : "later";
}
