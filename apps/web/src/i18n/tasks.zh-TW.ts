/** 繁體中文 for the tasks pages. */
import type { TasksMessages } from "./tasks.zh-CN.ts";

export const tasksZhTW: TasksMessages = {
  title: "待辦任務",
  scope: {
    mine: "我的任務",
    all: "我能看到的全部",
  },
  due: {
    today: "今天到期",
    overdue: "已逾期",
    open: "全部待辦",
    done: "已完成",
  },
  openCount: "待辦 {{count}}",
  overdueCount: "逾期 {{count}}",
  empty: {
    today: "今天沒有到期的任務",
    overdue: "沒有逾期的任務",
    open: "沒有待辦任務，做得好！",
    done: "還沒有完成的任務",
  },
  kinds: {
    follow_up: "跟進",
    call: "回訪",
    visit: "拜訪",
    greeting: "問候",
  },
  dueAt: "到期 {{when}}",
  overdue: "已逾期",
  dueToday: "今天",
  closedAt: "完成於 {{when}}",
  noCustomer: "未關聯客戶",
  assignee: "負責人：{{name}}",
  unassigned: "門市共享（未指派）",
  source: {
    survey_response: "問卷答卷",
    feedback: "意見回饋",
    plan: "維護計畫",
    report: "查看問卷報告",
  },
  outcomes: {
    reached: "已聯繫上",
    not_reached: "未聯繫上",
    issue_found: "發現問題",
    resolved: "已解決",
  },
  outcomeHint: "記錄跟進結果即完成任務，並寫入客戶時間軸",
  notePlaceholder: "跟進備註（選填）",
  recorded: "已記錄：{{outcome}}",
  dismiss: "忽略",
  dismissConfirm: "忽略這條任務？它將不再出現在待辦中。",
  dismissed: "任務已忽略",
  reopen: "重新開啟",
  reopened: "任務已重新開啟",
  home: {
    title: "待跟進",
    open: "我的待辦",
    overdue: "已逾期",
    viewAll: "查看全部任務",
    empty: "沒有待跟進的任務",
  },
  customer: {
    title: "待辦任務（{{count}}）",
    viewAll: "在任務頁處理",
  },
};
