/** Key metrics per store, channel, staff member, language, customer tag or customer attribute. */
import type { BreakdownGroup, KeyMetric, OverviewReport } from "@kexin/contracts";
import { Card, Empty, Input, Select, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, toLocale } from "../../i18n/setup-i18n.ts";
import { COLORS } from "../report-colors.ts";
import { ReportChart, type ChartOption } from "../ReportChart.tsx";
import { useReportFormat } from "../useReportFormat.ts";
import { formatMetric } from "./metric-format.ts";

const SIMPLE_GROUPINGS = ["store", "channel", "staff", "language", "tag"] as const;
type Grouping = (typeof SIMPLE_GROUPINGS)[number] | "attribute";

function splitGroupBy(groupBy: string | undefined): { grouping: Grouping | undefined; attribute: string } {
  if (!groupBy) return { grouping: undefined, attribute: "" };
  if (groupBy.startsWith("attribute:")) return { grouping: "attribute", attribute: groupBy.slice("attribute:".length) };
  return { grouping: groupBy as Grouping, attribute: "" };
}


export function BreakdownCard({ report, groupBy, onGroupBy }: {
  report: OverviewReport;
  groupBy: string | undefined;
  onGroupBy(groupBy: string | undefined): void;
}) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const current = splitGroupBy(groupBy);
  const [grouping, setGrouping] = useState<Grouping | undefined>(current.grouping);
  const [attribute, setAttribute] = useState(current.attribute);
  const groups = report.breakdown?.groups ?? [];
  const shownGrouping = splitGroupBy(report.breakdown?.groupBy).grouping;

  const groupLabel = (group: BreakdownGroup): string => {
    if (group.key === null) return t("reports.overview.breakdown.noGroup");
    if (shownGrouping === "channel") return t(`reports.channels.${group.key as "link"}`, { defaultValue: group.key });
    if (shownGrouping === "language") {
      const locale = toLocale(group.key);
      return locale ? LOCALE_NAMES[locale] : group.key;
    }
    return group.label ?? group.key;
  };

  const choose = (next: Grouping | undefined) => {
    setGrouping(next);
    if (next !== "attribute") onGroupBy(next);
    else if (attribute.trim()) onGroupBy(`attribute:${attribute.trim()}`);
  };

  const firstMetric: KeyMetric | undefined = report.keyMetrics[0];
  const labels = groups.map(groupLabel);
  const labelKey = labels.join("\u0000");
  const option = useMemo((): ChartOption | null => {
    if (!firstMetric || groups.length === 0) return null;
    const rows = [...groups].reverse();
    const rowLabels = [...labelKey.split("\u0000")].reverse();
    const valueOf = (group: BreakdownGroup) => group.metrics.find((m) => m.question === firstMetric.question)?.value ?? null;
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", scale: firstMetric.metric !== "csat" },
      yAxis: { type: "category", data: rowLabels, axisLabel: { width: 160, overflow: "truncate" } },
      series: [
        {
          type: "bar",
          name: t(`reports.overview.metrics.${firstMetric.metric}`),
          data: rows.map((group) => valueOf(group) ?? "-"),
          itemStyle: { color: COLORS.primary },
          label: {
            show: true,
            position: "right",
            formatter: (item: { value: unknown }) => (typeof item.value === "number" ? formatMetric(format, firstMetric.metric, item.value) : ""),
          },
          barMaxWidth: 22,
        },
      ],
    };
  }, [groups, labelKey, firstMetric, t, format]);

  return (
    <Card
      title={t("reports.overview.breakdown.title")}
      // Without a grouping there is nothing to print, only the prompt to choose one.
      className={report.breakdown ? "report-section" : "report-section no-print"}
      extra={
        <Space wrap className="no-print">
          <Select
            aria-label={t("reports.overview.breakdown.groupBy")}
            placeholder={t("reports.overview.breakdown.groupBy")}
            style={{ minWidth: 140 }}
            allowClear
            value={grouping}
            onChange={(value?: Grouping) => choose(value)}
            options={[...SIMPLE_GROUPINGS, "attribute" as const].map((value) => ({ value, label: t(`reports.overview.breakdown.${value}`) }))}
            data-testid="report-group-by"
          />
          {grouping === "attribute" ? (
            <Input.Search
              aria-label={t("reports.overview.breakdown.attributeName")}
              placeholder={t("reports.overview.breakdown.attributePlaceholder")}
              style={{ width: 200 }}
              value={attribute}
              onChange={(event) => setAttribute(event.target.value)}
              onSearch={(value) => value.trim() && onGroupBy(`attribute:${value.trim()}`)}
              enterButton
              data-testid="report-group-attribute"
            />
          ) : null}
        </Space>
      }
    >
      {!report.breakdown ? (
        <Typography.Text type="secondary">{t("reports.overview.breakdown.choose")}</Typography.Text>
      ) : groups.length === 0 ? (
        <Empty description={t("reports.overview.breakdown.empty")} />
      ) : (
        <div data-testid="report-breakdown">
          {option && firstMetric ? (
            <>
              <div className="report-chart-caption">{`${t(`reports.overview.metrics.${firstMetric.metric}`)} · ${format.text(firstMetric.title)}`}</div>
              <ReportChart option={option} height={Math.min(560, 48 + groups.length * 34)} />
            </>
          ) : null}
          <Table
            size="small"
            pagination={false}
            rowKey={(group) => group.key ?? "∅"}
            dataSource={groups}
            columns={[
              { key: "group", title: t("reports.overview.breakdown.group"), render: (_, group) => groupLabel(group) },
              { key: "responses", title: t("reports.overview.breakdown.responses"), align: "right", render: (_, group) => format.count(group.responses) },
              ...report.keyMetrics.map((metric) => ({
                key: metric.question,
                title: `${t(`reports.overview.metrics.${metric.metric}`)} · ${format.text(metric.title)}`,
                align: "right" as const,
                ellipsis: true,
                render: (_: unknown, group: BreakdownGroup) => {
                  const value = group.metrics.find((m) => m.question === metric.question);
                  if (!value || value.value === null) return "—";
                  return (
                    <span>
                      {formatMetric(format, value.metric, value.value)}
                      {value.lower !== null && value.upper !== null ? (
                        <Typography.Text type="secondary" className="report-cell-ci">
                          {` [${formatMetric(format, value.metric, value.lower)}, ${formatMetric(format, value.metric, value.upper)}]`}
                        </Typography.Text>
                      ) : null}
                    </span>
                  );
                },
              })),
            ]}
          />
        </div>
      )}
    </Card>
  );
}
