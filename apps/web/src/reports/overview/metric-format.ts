/** A key metric's number as people read it: CSAT in percent, NPS in points, means with two decimals. */
import type { KeyMetricKind } from "@kexin/contracts";
import type { ReportFormat } from "../useReportFormat.ts";

export function formatMetric(format: ReportFormat, metric: KeyMetricKind, value: number | null): string {
  if (metric === "csat") return format.percent(value);
  if (metric === "nps") return format.decimal(value, 1);
  return format.decimal(value, 2);
}
