/**
 * An organisation's complaint settings as the use cases need them: the business calendar the timers count in, the
 * SLA policies, the recovery survey and the staff KPI threshold. An organisation that never saved settings gets the
 * defaults (Mon–Fri 09:00–18:00 Asia/Shanghai, Kexin's default targets, a 10% threshold).
 */
import { DEFAULT_SLA_POLICIES, type ComplaintSettings, type ComplaintSeverity, type CustomerTier, type SlaPolicy } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { clockOf, DEFAULT_BUSINESS_CALENDAR, type BusinessCalendar } from "./business-hours.ts";

export interface LoadedComplaintSettings {
  calendar: BusinessCalendar;
  policies: SlaPolicy[];
  recoverySurveyId: string | null;
  staffKpiThresholdPercent: number;
}

export async function loadComplaintSettings(db: Kysely<DB>, orgId: string): Promise<LoadedComplaintSettings> {
  const [row, policies] = await Promise.all([
    db.selectFrom("complaint_settings").selectAll().where("org_id", "=", orgId).executeTakeFirst(),
    db
      .selectFrom("complaint_sla_policies")
      .select(["severity", "tier", "first_response_minutes", "resolution_minutes"])
      .where("org_id", "=", orgId)
      .execute(),
  ]);
  return {
    calendar: row
      ? {
          timeZone: row.time_zone,
          workDays: row.work_days.map(Number),
          opensMinute: row.opens_minute,
          closesMinute: row.closes_minute,
          holidays: row.holidays,
          extraWorkdays: row.extra_workdays,
        }
      : DEFAULT_BUSINESS_CALENDAR,
    policies: policies.map((policy) => ({
      severity: policy.severity,
      tier: policy.tier,
      firstResponseMinutes: policy.first_response_minutes,
      resolutionMinutes: policy.resolution_minutes,
    })),
    recoverySurveyId: row?.recovery_survey_id ?? null,
    staffKpiThresholdPercent: row ? Number(row.staff_kpi_threshold_percent) : 10,
  };
}

/**
 * The targets for a complaint: the organisation's policy for its severity and the customer's tier, else its policy
 * for the severity and every tier, else Kexin's default for the severity.
 */
export function choosePolicy(policies: readonly SlaPolicy[], severity: ComplaintSeverity, tier: CustomerTier | null): SlaPolicy {
  return (
    (tier && policies.find((policy) => policy.severity === severity && policy.tier === tier)) ||
    policies.find((policy) => policy.severity === severity && policy.tier === null) ||
    DEFAULT_SLA_POLICIES.find((policy) => policy.severity === severity)!
  );
}

export function presentComplaintSettings(settings: LoadedComplaintSettings): ComplaintSettings {
  const { calendar } = settings;
  return {
    timeZone: calendar.timeZone,
    workDays: [...calendar.workDays].sort(),
    opensAt: clockOf(calendar.opensMinute),
    closesAt: clockOf(calendar.closesMinute),
    holidays: [...calendar.holidays].sort(),
    extraWorkdays: [...calendar.extraWorkdays].sort(),
    recoverySurveyId: settings.recoverySurveyId,
    staffKpiThresholdPercent: settings.staffKpiThresholdPercent,
    policies: settings.policies,
  };
}
