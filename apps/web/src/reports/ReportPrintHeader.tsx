/** On paper only: which report this is and the filters it was printed with (the filter bar is not printed). */
import type { ReportKind, Store } from "@kexin/contracts";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatCalendarDate } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import type { ReportFilters } from "./report-filters.ts";

export function ReportPrintHeader({ kind, filters, stores }: { kind: ReportKind; filters: ReportFilters; stores: readonly Store[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const from = filters.from ? formatCalendarDate(locale, filters.from) : undefined;
  const to = filters.to ? formatCalendarDate(locale, filters.to) : undefined;
  const parts = [
    from && to ? t("reports.filters.range", { from, to }) : from ? t("reports.filters.since", { from }) : to ? t("reports.filters.until", { to }) : undefined,
    filters.storeId ? stores.find((store) => store.id === filters.storeId)?.name : undefined,
    filters.channel ? t(`reports.channels.${filters.channel}`) : undefined,
    filters.version ? t("reports.filters.versionN", { version: filters.version }) : undefined,
  ].filter((part): part is string => Boolean(part));
  return (
    <div className="print-only report-print-header">
      <Typography.Title level={4}>{`${t("reports.title")} · ${t(`reports.kinds.${kind}`)}`}</Typography.Title>
      <Typography.Text type="secondary">
        {t("reports.filters.summary", { filters: parts.length > 0 ? parts.join(" · ") : t("reports.filters.none") })}
      </Typography.Text>
    </div>
  );
}
