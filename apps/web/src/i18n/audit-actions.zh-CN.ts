/**
 * 简体中文 names of the audited actions, grouped as their codes are ("tier.override" → tier → override), so
 * `t("audit.actions.tier.override")` finds them. The type makes each language name every action in AUDIT_ACTIONS.
 */
import type { AuditAction } from "@kexin/contracts";

type Group<Action extends string> = Action extends `${infer Name}.${string}` ? Name : never;
type Verb<Action extends string, Name extends string> = Action extends `${Name}.${infer Rest}` ? Rest : never;
export type AuditActionMessages = { [Name in Group<AuditAction>]: Record<Verb<AuditAction, Name>, string> };

export const auditActionsZhCN = {
  auth: { sign_in: "登录", sign_in_failed: "登录失败", sign_out: "退出登录" },
  customer: {
    export: "导出客户",
    archive: "归档客户",
    restore: "恢复客户",
    erase: "彻底删除客户",
    personal_data_export: "导出个人数据",
  },
  data: { import: "导入数据" },
  user: { create: "创建用户", update: "修改用户或权限" },
  survey: { invite: "发送问卷邀请", remind: "发送问卷提醒", publish: "发布问卷", close: "关闭问卷", reopen: "重新开放问卷" },
  job: { retry: "重试后台任务" },
  tier: { rules_save: "保存分级规则", override: "手动调整客户等级" },
  value: { settings_update: "修改价值设置", recompute: "立即重新计算客户价值" },
  plan: { update: "修改维护计划" },
  greeting: {
    settings_update: "修改问候设置",
    rule_save: "保存问候规则",
    template_save: "保存问候模板",
    campaign_schedule: "安排群发活动",
    campaign_cancel: "取消群发活动",
  },
  complaint: { settings_update: "修改投诉设置与时限", resolve: "解决投诉（含补偿）" },
} satisfies AuditActionMessages;
