/** 繁體中文 for the tasks pages. */
import type { TasksMessages } from "./tasks.zh-CN.ts";

export const tasksZhTW: TasksMessages = {
  title: "待辦任務",
};
