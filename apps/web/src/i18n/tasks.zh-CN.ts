/** 简体中文 for the tasks pages; the shape the other two languages must match. */
export const tasksZhCN = {
  title: "待办任务",
};
export type TasksMessages = typeof tasksZhCN;
