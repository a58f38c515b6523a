/**
 * The plans an organisation starts with, as the issue describes them: VIP客户 — a daily call about delivery
 * timeliness and inspection pass rate (recording both figures for company customers); 重要客户 and 质优客户 — a call
 * twice a week (Monday and Thursday, Tuesday and Friday, so the two tiers do not land on the same days);
 * 普通客户 — greetings on holidays, sent by the greetings module (no task per customer).
 * Topics are in Simplified Chinese, the product's default language; every plan is editable.
 */
import type { CustomerTier, PlanActionInput } from "@kexin/contracts";

export const DEFAULT_PLAN_ACTIONS: Record<CustomerTier, PlanActionInput[]> = {
  vip: [
    {
      kind: "call",
      cadence: "daily",
      topic: "致电了解交付及时率与验货合格率",
      assignTo: "account_manager",
      recordsServiceFigures: true,
    },
  ],
  important: [
    { kind: "call", cadence: "weekly", weekdays: [1, 4], topic: "电话回访：近期需求与满意度", assignTo: "account_manager" },
  ],
  quality: [
    { kind: "call", cadence: "weekly", weekdays: [2, 5], topic: "电话关怀：使用体验与新需求", assignTo: "account_manager" },
  ],
  ordinary: [
    {
      kind: "greeting",
      cadence: "holidays",
      holidays: ["spring_festival", "mid_autumn", "national_day"],
      topic: "节日问候",
      assignTo: "greetings",
    },
  ],
};
