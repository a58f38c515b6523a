/** English names of the audited actions. */
import type { AuditActionMessages } from "./audit-actions.zh-CN.ts";

export const auditActionsEn: AuditActionMessages = {
  auth: { sign_in: "Signed in", sign_in_failed: "Sign-in failed", sign_out: "Signed out" },
  customer: {
    export: "Exported customers",
    archive: "Archived a customer",
    restore: "Restored a customer",
    erase: "Erased a customer",
    personal_data_export: "Exported personal data",
  },
  data: { import: "Imported data" },
  user: { create: "Created a user", update: "Changed a user or their permissions" },
  survey: { invite: "Sent survey invitations", remind: "Sent survey reminders", publish: "Published a survey", close: "Closed a survey", reopen: "Reopened a survey" },
  job: { retry: "Retried a background job" },
  tier: { rules_save: "Saved the tier rules", override: "Set a customer's tier by hand" },
  value: { settings_update: "Changed the value settings", recompute: "Asked to recompute customer values now" },
  plan: { update: "Changed a maintenance plan" },
  greeting: {
    settings_update: "Changed the greeting settings",
    rule_save: "Saved a greeting rule",
    template_save: "Saved a greeting template",
    campaign_schedule: "Scheduled a campaign",
    campaign_cancel: "Cancelled a campaign",
  },
  complaint: { settings_update: "Changed complaint settings and SLAs", resolve: "Resolved a complaint (with compensation)" },
};
