/**
 * Tasks: closed-loop follow-ups and, later, plan calls. Store-bound staff see their stores' tasks and those assigned
 * to them; another store's task answers 404.
 */
import { Id, Task, TaskList, TaskListQuery, TaskUpdate } from "@kexin/contracts";
import { z } from "zod";
import { listTasks } from "../../domain/tasks/list-tasks.ts";
import { updateTask } from "../../domain/tasks/update-task.ts";
import { defineRoute } from "../route.ts";

const tags = ["tasks"];

export const taskRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/tasks",
    summary: "Tasks within reach, soonest due first, with open and overdue counts",
    tags,
    access: "task.read",
    query: TaskListQuery,
    response: TaskList,
    handler: ({ db, actor, query }) => listTasks({ db, actor, input: query }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/api/tasks/:id",
    summary: "Close, reopen or reassign a task; done with an outcome is written on the customer's timeline",
    tags,
    access: "task.write",
    params: z.object({ id: Id }),
    body: TaskUpdate,
    response: Task,
    handler: ({ db, actor, params, body }) => updateTask({ db, actor, id: params.id, input: body }),
  }),
];
