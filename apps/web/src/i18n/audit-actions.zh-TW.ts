/** 繁體中文 names of the audited actions. */
import type { AuditActionMessages } from "./audit-actions.zh-CN.ts";

export const auditActionsZhTW: AuditActionMessages = {
  auth: { sign_in: "登入", sign_in_failed: "登入失敗", sign_out: "登出" },
  customer: {
    export: "匯出客戶",
    archive: "封存客戶",
    restore: "還原客戶",
    erase: "徹底刪除客戶",
    personal_data_export: "匯出個人資料",
  },
  data: { import: "匯入資料" },
  user: { create: "建立使用者", update: "修改使用者或權限" },
  survey: { invite: "寄送問卷邀請", remind: "寄送問卷提醒", publish: "發佈問卷", close: "關閉問卷", reopen: "重新開放問卷" },
  job: { retry: "重試背景工作" },
  tier: { rules_save: "儲存分級規則", override: "手動調整客戶等級" },
  value: { settings_update: "修改價值設定", recompute: "立即重新計算客戶價值" },
  plan: { update: "修改維護計畫" },
  greeting: {
    settings_update: "修改問候設定",
    rule_save: "儲存問候規則",
    template_save: "儲存問候範本",
    campaign_schedule: "安排群發活動",
    campaign_cancel: "取消群發活動",
  },
  complaint: { settings_update: "修改投訴設定與時限", resolve: "解決投訴（含補償）" },
};
