/**
 * The saves that change what the business does to customers leave a trace: each writes exactly one audit entry with
 * the acting user and its target, in the same transaction as the change (a save that fails leaves none).
 */
import {
  ComplaintResolve,
  ComplaintSettings,
  GreetingCampaignInput,
  GreetingRuleInput,
  GreetingTemplateInput,
  PlanUpdate,
  type AuditAction,
} from "@kexin/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import type { Actor } from "../auth/actor.ts";
import { fileTestComplaint } from "../complaints/complaint-test-support.ts";
import { resolveComplaint } from "../complaints/resolve-complaint.ts";
import { updateComplaintSettings } from "../complaints/update-complaint-settings.ts";
import { cancelGreetingCampaign } from "../greetings/cancel-greeting-campaign.ts";
import { createGreetingTemplate } from "../greetings/create-greeting-template.ts";
import { builtinTemplateId, buildCustomersWithEmail } from "../greetings/greeting-test-support.ts";
import { createGreetingRule, updateGreetingRule } from "../greetings/save-greeting-rule.ts";
import { scheduleGreetingCampaign } from "../greetings/schedule-greeting-campaign.ts";
import { updateGreetingSettings } from "../greetings/update-greeting-settings.ts";
import { updateGreetingTemplate } from "../greetings/update-greeting-template.ts";
import { updatePlan } from "../plans/update-plan.ts";
import { clearTierOverride, setTierOverride } from "../value/override-tier.ts";
import { saveTierRules } from "../value/save-tier-rules.ts";
import { updateValueSettings } from "../value/update-value-settings.ts";

describe.each(testDatabaseKinds)("audit entries for settings and rule saves on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let manager: Actor;

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
    manager = org.users.manager.actor;
  });
  afterAll(async () => {
    await database.close();
  });

  const entries = (action: AuditAction) =>
    database.db
      .selectFrom("audit_log")
      .select(["user_id", "target_type", "target_id", "details"])
      .where("org_id", "=", org.orgId)
      .where("action", "=", action)
      .orderBy("created_at")
      .orderBy("id")
      .execute();

  /** Exactly one entry for the action, by `actor`, on the target; returns its details. */
  const onlyEntry = async (action: AuditAction, actor: Actor, targetType: string, targetId: string) => {
    const rows = await entries(action);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: actor.userId, target_type: targetType, target_id: targetId });
    return rows[0].details as Record<string, unknown>;
  };

  it("saving tier rules: the number of rules and of customers moved", async () => {
    await saveTierRules({
      db: database.db,
      actor: manager,
      input: { rules: [{ tier: "vip", conditions: [{ metric: "profitTopPercent", op: "lte", value: 10 }] }, { tier: "ordinary", conditions: [] }] },
    });
    expect(await onlyEntry("tier.rules_save", manager, "tier_rules", org.orgId)).toEqual({ rules: 2, changed: 0 });
  });

  it("a manual tier override and clearing it: from → to and the reason", async () => {
    const customer = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeA });
    await setTierOverride({ db: database.db, actor: manager, customerId: customer.id, input: { tier: "vip", reason: "年度框架协议客户" } });
    expect(await onlyEntry("tier.override", manager, "customer", customer.id)).toEqual({
      from: null,
      to: "vip",
      reason: "年度框架协议客户",
      cleared: false,
    });
    await clearTierOverride({ db: database.db, actor: manager, customerId: customer.id });
    const rows = await entries("tier.override");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ user_id: manager.userId, target_id: customer.id, details: { from: "vip", to: null, reason: null, cleared: true } });
  });

  it("value settings: the thresholds and unit costs saved", async () => {
    const input = { interactionCosts: { call: 8 }, atRiskIntervalMultiple: 2, lostIntervalMultiple: 4, atRiskAliveBelow: 0.4, lostAliveBelow: 0.1 };
    await updateValueSettings({ db: database.db, actor: manager, input });
    expect(await onlyEntry("value.settings_update", manager, "value_settings", org.orgId)).toEqual(input);
  });

  it("a maintenance plan: its tier and number of actions; a refused save leaves no entry", async () => {
    const input = PlanUpdate.parse({ actions: [{ kind: "call", cadence: "weekly", weekdays: [1, 4], topic: "到货及时率回访" }] });
    await expect(
      updatePlan({ db: database.db, actor: manager, tier: "important", input: { ...input, actions: [{ ...input.actions[0], id: crypto.randomUUID() }] } }),
    ).rejects.toMatchObject({ code: "plan.action_not_found" });
    expect(await entries("plan.update")).toHaveLength(0);

    const saved = await updatePlan({ db: database.db, actor: manager, tier: "important", input });
    expect(await onlyEntry("plan.update", manager, "maintenance_plan", saved.plan.id)).toMatchObject({ tier: "important", isActive: true, actions: 1 });
  });

  it("greeting settings: the time zone and quiet hours", async () => {
    await updateGreetingSettings({ db: database.db, actor: manager, input: { timeZone: "Asia/Shanghai", quietStart: "22:00", quietEnd: "08:00" } });
    expect(await onlyEntry("greeting.settings_update", manager, "greeting_settings", org.orgId)).toEqual({
      timeZone: "Asia/Shanghai",
      quietStart: "22:00",
      quietEnd: "08:00",
    });
  });

  it("greeting rules, created and changed: one entry per save; an unknown rule leaves none", async () => {
    const templateId = await builtinTemplateId(database.db, org.orgId, "birthday");
    const rule = await createGreetingRule({
      db: database.db,
      actor: manager,
      input: GreetingRuleInput.parse({ name: "生日祝福", occasion: "birthday", templateId }),
    });
    expect(await onlyEntry("greeting.rule_save", manager, "greeting_rule", rule.id)).toEqual({
      created: true,
      name: "生日祝福",
      occasion: "birthday",
      channel: "email",
      isActive: true,
    });
    await expect(updateGreetingRule({ db: database.db, actor: manager, id: crypto.randomUUID(), input: { isActive: false } })).rejects.toMatchObject({
      code: "greeting_rule.not_found",
    });
    await updateGreetingRule({ db: database.db, actor: manager, id: rule.id, input: { isActive: false } });
    const rows = await entries("greeting.rule_save");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ user_id: manager.userId, target_id: rule.id, details: { created: false, changed: ["isActive"], isActive: false } });
  });

  it("greeting templates, created and changed", async () => {
    const template = await createGreetingTemplate({
      db: database.db,
      actor: manager,
      input: GreetingTemplateInput.parse({ name: "店庆感谢信", subject: "感谢您，{{ customer.name }}", body: "{{ customer.salutation }}，感谢您的支持。" }),
    });
    expect(await onlyEntry("greeting.template_save", manager, "greeting_template", template.id)).toEqual({
      created: true,
      name: "店庆感谢信",
      purpose: "other",
      language: "zh-CN",
    });
    await updateGreetingTemplate({ db: database.db, actor: manager, id: template.id, input: { isArchived: true } });
    const rows = await entries("greeting.template_save");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ target_id: template.id, details: { created: false, changed: ["isArchived"], isArchived: true } });
  });

  it("scheduling a campaign records its name and preview count; cancelling it records how many letters were skipped", async () => {
    await buildCustomersWithEmail(database.db, org.orgId, 3, { prefix: "audit", storeId: org.storeA, tags: ["店庆"] });
    const templateId = await builtinTemplateId(database.db, org.orgId, "new_product");
    const scheduledAt = new Date(Date.now() + 3_600_000);
    const campaign = await scheduleGreetingCampaign({
      db: database.db,
      actor: manager,
      input: GreetingCampaignInput.parse({ name: "店庆新品", templateId, segment: { tags: ["店庆"] }, scheduledAt: scheduledAt.toISOString() }),
    });
    expect(campaign.estimatedCount).toBe(3);
    expect(await onlyEntry("greeting.campaign_schedule", manager, "greeting_campaign", campaign.id)).toEqual({
      name: "店庆新品",
      templateId,
      channel: "email",
      scheduledAt: scheduledAt.toISOString(),
      estimatedCount: 3,
    });

    await cancelGreetingCampaign({ db: database.db, actor: manager, id: campaign.id });
    expect(await onlyEntry("greeting.campaign_cancel", manager, "greeting_campaign", campaign.id)).toEqual({
      name: "店庆新品",
      wasStatus: "scheduled",
      skipped: 0,
    });
    // Cancelling again is refused, and leaves no second entry.
    await expect(cancelGreetingCampaign({ db: database.db, actor: manager, id: campaign.id })).rejects.toMatchObject({ code: "greeting.campaign_finished" });
    expect(await entries("greeting.campaign_cancel")).toHaveLength(1);
  });

  it("complaint settings: hours and the number of SLA policies", async () => {
    const admin = org.users.admin.actor;
    await updateComplaintSettings({
      db: database.db,
      actor: admin,
      input: ComplaintSettings.parse({
        timeZone: "Asia/Shanghai",
        workDays: [1, 2, 3, 4, 5],
        opensAt: "09:00",
        closesAt: "18:00",
        holidays: [],
        extraWorkdays: [],
        recoverySurveyId: null,
        staffKpiThresholdPercent: 10,
        policies: [{ severity: "high", tier: null, firstResponseMinutes: 60, resolutionMinutes: 480 }],
      }),
    });
    expect(await onlyEntry("complaint.settings_update", admin, "complaint_settings", org.orgId)).toMatchObject({
      timeZone: "Asia/Shanghai",
      opensAt: "09:00",
      closesAt: "18:00",
      policies: 1,
    });
  });

  it("resolving a complaint: its number and the compensation's kind and amount, not its note", async () => {
    const storeManager = org.users.store_manager.actor;
    const complaint = await fileTestComplaint(database.db, storeManager);
    const input = ComplaintResolve.parse({ note: "当面致歉并退还差价", compensation: { kind: "refund", amount: 88.5, note: "陈女士的差价" } });
    await resolveComplaint({ db: database.db, actor: storeManager, id: complaint.id, input });
    const details = await onlyEntry("complaint.resolve", storeManager, "complaint", complaint.id);
    expect(details).toEqual({ number: complaint.number, compensation: { kind: "refund", amount: 88.5 } });
    // Resolving twice is refused and rolls back: still one entry.
    await expect(resolveComplaint({ db: database.db, actor: storeManager, id: complaint.id, input })).rejects.toMatchObject({
      code: "complaint.not_resolvable",
    });
    expect(await entries("complaint.resolve")).toHaveLength(1);
  });
});
