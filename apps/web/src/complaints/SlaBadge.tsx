/** One SLA timer as a coloured tag: time left (business time), overdue by, met or missed. */
import type { SlaTimer } from "@kexin/contracts";
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";

export function useDurationText() {
  const { t } = useTranslation();
  return (totalMinutes: number) => {
    const minutes = Math.abs(Math.round(totalMinutes));
    return minutes >= 60
      ? t("complaints.duration.hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
      : t("complaints.duration.minutes", { minutes });
  };
}

export function SlaBadge({ timer, testId }: { timer: SlaTimer; testId?: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const duration = useDurationText();
  const left = timer.businessMinutesLeft ?? 0;
  const view = {
    running: { color: left < 60 ? "orange" : "blue", text: t("complaints.timer.running", { time: duration(left) }) },
    breached: { color: "red", text: t("complaints.timer.breached", { time: duration(left) }) },
    met: { color: "green", text: t("complaints.timer.met") },
    missed: { color: "volcano", text: t("complaints.timer.missed") },
  }[timer.state];
  return (
    <Tooltip title={`${t("complaints.timer.due", { at: formatDateTime(locale, timer.dueAt) })} · ${t("complaints.timer.businessTime")}`}>
      <Tag color={view.color} data-testid={testId} data-state={timer.state} style={{ whiteSpace: "nowrap" }}>
        {view.text}
      </Tag>
    </Tooltip>
  );
}

const SEVERITY_COLORS = { low: "default", medium: "blue", high: "orange", critical: "red" } as const;
export function SeverityTag({ severity }: { severity: keyof typeof SEVERITY_COLORS }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLORS[severity]}>{t(`complaints.severities.${severity}`)}</Tag>;
}

const STATUS_COLORS = { open: "gold", in_progress: "processing", resolved: "success", closed: "default" } as const;
export function ComplaintStatusTag({ status }: { status: keyof typeof STATUS_COLORS }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]} data-testid="complaint-status">{t(`complaints.statuses.${status}`)}</Tag>;
}
