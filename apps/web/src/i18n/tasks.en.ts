/** English for the tasks pages. */
import type { TasksMessages } from "./tasks.zh-CN.ts";

export const tasksEn: TasksMessages = {
  title: "Tasks",
};
