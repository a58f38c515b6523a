/** Tasks: closed-loop follow-ups to work through, with open and overdue counts. */
import { Task, TaskList, type TaskListQuery, type TaskUpdate } from "@kexin/contracts";
import type { z } from "zod";
import { requestJson } from "./client.ts";

export type TaskListQueryInput = z.input<typeof TaskListQuery>;
export type TaskListResult = z.infer<typeof TaskList>;

/** Soonest due first; the counts cover the same scope (mine, customer) whatever the status and due filters. */
export function listTasks(query: TaskListQueryInput): Promise<TaskListResult> {
  return requestJson(TaskList, "/api/tasks", { query });
}

/** Closes (done with an outcome, or dismissed), reopens or reassigns a task. */
export function updateTask(id: string, change: TaskUpdate): Promise<Task> {
  return requestJson(Task, `/api/tasks/${encodeURIComponent(id)}`, { method: "PATCH", body: change });
}
