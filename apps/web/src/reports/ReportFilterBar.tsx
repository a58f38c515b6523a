/** Dates, store, channel and version: the filters every report takes. */
import { ReportChannel, type Store } from "@kexin/contracts";
import { Button, Input, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { hasFilters, type ReportFilters } from "./report-filters.ts";

export function ReportFilterBar({ filters, stores, versions, onChange }: {
  filters: ReportFilters;
  stores: readonly Store[];
  versions: readonly number[];
  onChange(change: Partial<ReportFilters>): void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap className="report-filters no-print" data-testid="report-filters">
      <Input
        type="date"
        aria-label={t("reports.filters.from")}
        prefix={<span className="report-filter-label">{t("reports.filters.from")}</span>}
        value={filters.from ?? ""}
        max={filters.to}
        onChange={(event) => onChange({ from: event.target.value || undefined })}
        data-testid="report-filter-from"
      />
      <Input
        type="date"
        aria-label={t("reports.filters.to")}
        prefix={<span className="report-filter-label">{t("reports.filters.to")}</span>}
        value={filters.to ?? ""}
        min={filters.from}
        onChange={(event) => onChange({ to: event.target.value || undefined })}
        data-testid="report-filter-to"
      />
      <Select
        aria-label={t("reports.filters.store")}
        style={{ minWidth: 180 }}
        showSearch={{ optionFilterProp: "label" }}
        value={filters.storeId ?? ""}
        onChange={(value: string) => onChange({ storeId: value || undefined })}
        options={[
          { value: "", label: t("reports.filters.allStores") },
          ...stores.map((store) => ({ value: store.id, label: store.name })),
        ]}
        data-testid="report-filter-store"
      />
      <Select
        aria-label={t("reports.filters.channel")}
        style={{ minWidth: 140 }}
        value={filters.channel ?? ""}
        onChange={(value: string) => onChange({ channel: value ? ReportChannel.parse(value) : undefined })}
        options={[
          { value: "", label: t("reports.filters.allChannels") },
          ...ReportChannel.options.map((channel) => ({ value: channel, label: t(`reports.channels.${channel}`) })),
        ]}
        data-testid="report-filter-channel"
      />
      {versions.length > 1 || filters.version !== undefined ? (
        <Select
          aria-label={t("reports.filters.version")}
          style={{ minWidth: 120 }}
          value={filters.version ?? 0}
          onChange={(value: number) => onChange({ version: value || undefined })}
          options={[
            { value: 0, label: t("reports.filters.allVersions") },
            ...versions.map((version) => ({ value: version, label: t("reports.filters.versionN", { version }) })),
          ]}
          data-testid="report-filter-version"
        />
      ) : null}
      {hasFilters(filters) ? (
        <Button
          onClick={() => onChange({ from: undefined, to: undefined, storeId: undefined, channel: undefined, version: undefined })}
          data-testid="report-filter-clear"
        >
          {t("reports.filters.clear")}
        </Button>
      ) : null}
    </Space>
  );
}
