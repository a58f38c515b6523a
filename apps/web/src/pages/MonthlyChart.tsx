/** Purchases (bars) and revenue (line, right axis) per month. */
import type { DashboardSummary } from "@kexin/contracts";
import { Empty } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useEChart } from "../charts/useEChart.ts";
import { formatMoney, formatMonth, formatNumber } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";

export function MonthlyChart({ monthly }: { monthly: DashboardSummary["monthly"] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" as const },
      legend: { top: 0 },
      grid: { left: 56, right: 72, top: 40, bottom: 32 },
      xAxis: { type: "category" as const, data: monthly.map((row) => formatMonth(locale, row.month)) },
      yAxis: [
        { type: "value" as const, name: t("home.purchasesSeries"), axisLabel: { formatter: (value: number) => formatNumber(locale, value) } },
        {
          type: "value" as const,
          name: t("home.revenueSeries"),
          splitLine: { show: false },
          axisLabel: { formatter: (value: number) => formatMoney(locale, value, 0) },
        },
      ],
      series: [
        { name: t("home.purchasesSeries"), type: "bar" as const, data: monthly.map((row) => row.purchases), itemStyle: { color: "#5470c6" } },
        { name: t("home.newCustomersSeries"), type: "bar" as const, data: monthly.map((row) => row.newCustomers), itemStyle: { color: "#91cc75" } },
        {
          name: t("home.revenueSeries"),
          type: "line" as const,
          yAxisIndex: 1,
          smooth: 0.2,
          data: monthly.map((row) => Math.round(row.revenue)),
          itemStyle: { color: "#c8102e" },
        },
      ],
    }),
    [monthly, locale, t],
  );
  const ref = useEChart(option);
  if (monthly.length === 0) return <Empty description={t("home.noData")} />;
  return <div ref={ref} style={{ height: 340 }} data-testid="home-monthly-chart" />;
}
