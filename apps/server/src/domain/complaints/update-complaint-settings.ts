import type { ComplaintSettings } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { isValidTimeZone, minuteOfDay } from "./business-hours.ts";
import { loadComplaintSettings, presentComplaintSettings } from "./complaint-settings.ts";

/**
 * Replaces the organisation's complaint settings and SLA policies (complaint.admin). Timers of complaints already
 * filed keep their due times; new complaints use the new calendar and targets. The save is audited.
 * @throws AppError invalid naming the field: unknown time zone, hours that do not open before they close, no
 *   working day, two policies for the same severity and tier, or a recovery survey that is not the organisation's.
 */
export async function updateComplaintSettings({ db, actor, input }: {
  db: Kysely<DB>;
  actor: Actor;
  input: ComplaintSettings;
}): Promise<ComplaintSettings> {
  if (!isValidTimeZone(input.timeZone)) throw invalid("complaint_settings.time_zone", "timeZone is not a known time zone, e.g. Asia/Shanghai", "timeZone");
  const opens = minuteOfDay(input.opensAt);
  const closes = minuteOfDay(input.closesAt);
  if (opens >= closes) throw invalid("complaint_settings.hours", "closesAt must be later than opensAt", "closesAt");
  const workDays = [...new Set(input.workDays)];
  if (workDays.length === 0 && input.extraWorkdays.length === 0) {
    throw invalid("complaint_settings.work_days", "choose at least one working day", "workDays");
  }
  const seen = new Set<string>();
  input.policies.forEach((policy, index) => {
    const key = `${policy.severity}/${policy.tier ?? "*"}`;
    if (seen.has(key)) throw invalid("complaint_settings.policy_duplicate", `two policies for ${key}`, `policies.${index}`);
    seen.add(key);
    if (policy.resolutionMinutes < policy.firstResponseMinutes) {
      throw invalid("complaint_settings.policy_order", "resolution cannot be due before the first response", `policies.${index}.resolutionMinutes`);
    }
  });
  if (input.recoverySurveyId) {
    const survey = await db
      .selectFrom("surveys")
      .select("id")
      .where("org_id", "=", actor.orgId)
      .where("id", "=", input.recoverySurveyId)
      .executeTakeFirst();
    if (!survey) throw invalid("complaint_settings.survey_unknown", "recoverySurveyId is not a survey of your organisation", "recoverySurveyId");
  }
  const values = {
    time_zone: input.timeZone,
    work_days: workDays,
    opens_minute: opens,
    closes_minute: closes,
    holidays: [...new Set(input.holidays)],
    extra_workdays: [...new Set(input.extraWorkdays)],
    recovery_survey_id: input.recoverySurveyId,
    staff_kpi_threshold_percent: input.staffKpiThresholdPercent,
    updated_at: new Date(),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("complaint_settings")
      .values({ org_id: actor.orgId, ...values })
      .onConflict((conflict) => conflict.column("org_id").doUpdateSet(values))
      .execute();
    await trx.deleteFrom("complaint_sla_policies").where("org_id", "=", actor.orgId).execute();
    if (input.policies.length > 0) {
      await trx
        .insertInto("complaint_sla_policies")
        .values(
          input.policies.map((policy) => ({
            org_id: actor.orgId,
            severity: policy.severity,
            tier: policy.tier,
            first_response_minutes: policy.firstResponseMinutes,
            resolution_minutes: policy.resolutionMinutes,
          })),
        )
        .execute();
    }
    await recordAudit(trx, {
      actor,
      action: "complaint.settings_update",
      targetType: "complaint_settings",
      targetId: actor.orgId,
      details: {
        timeZone: input.timeZone,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        workDays,
        policies: input.policies.length,
        recoverySurveyId: input.recoverySurveyId,
        staffKpiThresholdPercent: input.staffKpiThresholdPercent,
      },
    });
  });
  return presentComplaintSettings(await loadComplaintSettings(db, actor.orgId));
}
