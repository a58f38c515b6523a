/**
 * Key metrics by week or month with their 95% band; a period that differs significantly from the one before is
 * marked (green up, red down) and its tooltip gives the test's p-value, as the server computed it.
 */
import type { OverviewReport, ReportInterval, TrendSeries } from "@kexin/contracts";
import { Card, Empty, Segmented, Select, Space } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDayMonth, formatMonth } from "../../i18n/format.ts";
import { COLORS } from "../report-colors.ts";
import { ReportChart, type ChartOption } from "../ReportChart.tsx";
import { useReportFormat } from "../useReportFormat.ts";
import { formatMetric } from "./metric-format.ts";

type Period = TrendSeries["periods"][number];


function useTrendOption(series: TrendSeries | undefined, interval: ReportInterval): ChartOption | null {
  const { t } = useTranslation();
  const format = useReportFormat();
  return useMemo(() => {
    if (!series || series.periods.length === 0) return null;
    const { metric, periods } = series;
    const label = (period: Period) => (interval === "month" ? formatMonth(format.locale, period.start.slice(0, 7)) : formatDayMonth(format.locale, period.start));
    const show = (value: number | null) => formatMetric(format, metric, value);
    const changeText = (period: Period, index: number) => {
      const change = period.change;
      if (!change) return index === 0 ? "" : t("reports.overview.trend.noTest");
      const values = { previous: show(periods[index - 1]?.value ?? null), value: show(period.value), p: format.pValue(change.pValue) };
      if (!change.isSignificant) return t("reports.overview.trend.changeFlat", values);
      return change.direction === "down" ? t("reports.overview.trend.changeFall", values) : t("reports.overview.trend.changeRise", values);
    };
    const marked = (direction: "up" | "down") =>
      periods.map((period) => (period.change?.isSignificant && period.change.direction === direction ? period.value : null));
    const valueName = t(`reports.overview.metrics.${metric}`);
    return {
      grid: { left: 56, right: 24, top: 40, bottom: 40 },
      legend: {
        top: 0,
        data: [
          valueName,
          { name: t("reports.overview.trend.ciBand"), icon: "roundRect", itemStyle: { color: "rgba(22, 119, 255, 0.3)" } },
          t("reports.overview.trend.rise"),
          t("reports.overview.trend.fall"),
        ],
      },
      tooltip: {
        trigger: "axis",
        formatter: (items: unknown) => {
          const index = (items as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const period = periods[index];
          const lines = [
            `<b>${label(period)}</b>`,
            `${valueName}: ${show(period.value)} (${t("reports.common.n", { count: period.n })})`,
            format.interval(period.lower, period.upper, metric === "csat" || metric === "nps" ? 1 : 2, metric === "csat" ? "percent" : undefined),
            changeText(period, index),
          ];
          return lines.filter(Boolean).join("<br/>");
        },
      },
      xAxis: { type: "category", data: periods.map(label), boundaryGap: false },
      yAxis: { type: "value", scale: true, axisLabel: { formatter: (value: number) => (metric === "csat" ? `${value}%` : String(value)) } },
      series: [
        // The band is the lower bound (invisible) with the interval's width stacked on top of it.
        // stackStrategy "all": a negative lower bound (NPS) must still carry the width stacked on it.
        {
          name: "lower",
          type: "line",
          stack: "band",
          stackStrategy: "all",
          symbol: "none",
          lineStyle: { opacity: 0 },
          itemStyle: { color: COLORS.band },
          data: periods.map((p) => p.lower ?? "-"),
        },
        {
          name: t("reports.overview.trend.ciBand"),
          type: "line",
          stack: "band",
          stackStrategy: "all",
          symbol: "none",
          lineStyle: { opacity: 0 },
          areaStyle: { color: COLORS.band },
          itemStyle: { color: COLORS.band },
          data: periods.map((p) => (p.lower !== null && p.upper !== null ? p.upper - p.lower : "-")),
        },
        {
          name: valueName,
          type: "line",
          data: periods.map((p) => p.value ?? "-"),
          itemStyle: { color: COLORS.primary },
          lineStyle: { width: 2.5 },
          symbolSize: 6,
          connectNulls: false,
        },
        {
          name: t("reports.overview.trend.rise"),
          type: "scatter",
          symbol: "triangle",
          symbolSize: 16,
          itemStyle: { color: COLORS.good },
          data: marked("up").map((value) => value ?? "-"),
          z: 5,
        },
        {
          name: t("reports.overview.trend.fall"),
          type: "scatter",
          symbol: "triangle",
          symbolRotate: 180,
          symbolSize: 16,
          itemStyle: { color: COLORS.bad },
          data: marked("down").map((value) => value ?? "-"),
          z: 5,
        },
      ],
    } satisfies ChartOption;
  }, [series, interval, t, format]);
}

export function TrendCard({ report, onInterval }: { report: OverviewReport; onInterval(interval: ReportInterval): void }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const [chosen, setChosen] = useState<string>();
  const { series, interval } = report.trend;
  const selected = series.find((entry) => entry.question === chosen) ?? series[0];
  const option = useTrendOption(selected, interval);
  const metricTitle = (entry: TrendSeries) => {
    const title = report.keyMetrics.find((metric) => metric.question === entry.question)?.title;
    return `${t(`reports.overview.metrics.${entry.metric}`)} · ${format.text(title)}`;
  };
  return (
    <Card
      title={t("reports.overview.trend.title")}
      className="report-section"
      extra={
        <Space wrap className="no-print">
          {series.length > 1 ? (
            <Select
              aria-label={t("reports.overview.trend.metric")}
              style={{ maxWidth: 360 }}
              popupMatchSelectWidth={false}
              value={selected?.question}
              onChange={setChosen}
              options={series.map((entry) => ({ value: entry.question, label: metricTitle(entry) }))}
              data-testid="report-trend-metric"
            />
          ) : null}
          <Segmented
            value={interval}
            onChange={(value) => onInterval(value as ReportInterval)}
            options={[
              { value: "week", label: t("reports.overview.trend.week") },
              { value: "month", label: t("reports.overview.trend.month") },
            ]}
            data-testid="report-trend-interval"
          />
        </Space>
      }
    >
      <div data-testid="report-trend">
        {selected ? <div className="report-chart-caption">{metricTitle(selected)}</div> : null}
        {option ? <ReportChart option={option} height={320} /> : <Empty description={t("reports.overview.trend.empty")} />}
      </div>
    </Card>
  );
}
