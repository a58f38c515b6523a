/** English for the tasks pages. */
import type { TasksMessages } from "./tasks.zh-CN.ts";

export const tasksEn: TasksMessages = {
  title: "Tasks",
  scope: {
    mine: "My tasks",
    all: "Everything I can see",
  },
  due: {
    today: "Due today",
    overdue: "Overdue",
    open: "All open",
    done: "Done",
  },
  openCount: "Open {{count}}",
  overdueCount: "Overdue {{count}}",
  empty: {
    today: "Nothing due today",
    overdue: "Nothing overdue",
    open: "No open tasks. Well done!",
    done: "No finished tasks yet",
  },
  kinds: {
    follow_up: "Follow-up",
    call: "Call",
    visit: "Visit",
    greeting: "Greeting",
  },
  dueAt: "Due {{when}}",
  overdue: "Overdue",
  dueToday: "Today",
  closedAt: "Done {{when}}",
  noCustomer: "No customer",
  assignee: "Assignee: {{name}}",
  unassigned: "Shared by the store (unassigned)",
  source: {
    survey_response: "Survey answer",
    feedback: "Feedback",
    plan: "Care plan",
    report: "Open survey report",
  },
  outcomes: {
    reached: "Reached",
    not_reached: "Not reached",
    issue_found: "Issue found",
    resolved: "Resolved",
  },
  outcomeHint: "Recording the outcome closes the task and writes it on the customer's timeline",
  notePlaceholder: "Follow-up note (optional)",
  recorded: "Recorded: {{outcome}}",
  dismiss: "Dismiss",
  dismissConfirm: "Dismiss this task? It will leave the open list.",
  dismissed: "Task dismissed",
  reopen: "Reopen",
  reopened: "Task reopened",
  home: {
    title: "Follow-ups",
    open: "My open tasks",
    overdue: "Overdue",
    viewAll: "All tasks",
    empty: "No follow-ups waiting",
  },
  customer: {
    title: "Open tasks ({{count}})",
    viewAll: "Work them on the tasks page",
  },
};
