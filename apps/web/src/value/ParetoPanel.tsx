/**
 * The Pareto view: what share of gross profit (and revenue) the top 20% of customers bring, for everyone in reach
 * and per store, with the curve (customers from most to least valuable) against the line of equality.
 */
import type { ParetoView } from "@kexin/contracts";
import { Alert, Card, Col, Empty, Row, Segmented, Skeleton, Statistic, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../api/useApiData.ts";
import { useEChart } from "../charts/useEChart.ts";
import { formatDecimal, formatMoney, formatNumber, formatShare } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { getPareto } from "./value-api.ts";

type Measure = "grossProfit" | "revenue";
type Group = ParetoView["overall"];

function ParetoChart({ group, measure, topPercent }: { group: Group; measure: Measure; topPercent: number }) {
  const { t } = useTranslation();
  const concentration = group[measure];
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: "axis" as const,
        valueFormatter: (value: unknown) => `${(Number(value) * 100).toFixed(1)}%`,
      },
      legend: { bottom: 0 },
      grid: { left: 56, right: 24, top: 24, bottom: 64 },
      xAxis: {
        type: "value" as const,
        min: 0,
        max: 1,
        name: t("value.pareto.customerAxis"),
        nameLocation: "middle" as const,
        nameGap: 28,
        axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%` },
      },
      yAxis: { type: "value" as const, min: 0, max: 1, axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%` } },
      series: [
        {
          name: t(`value.pareto.measure.${measure}`),
          type: "line" as const,
          showSymbol: false,
          areaStyle: { opacity: 0.15 },
          color: "#c8102e",
          data: (concentration?.curve ?? []).map((point) => [point.customerShare, point.valueShare]),
          markLine: {
            symbol: "none",
            lineStyle: { type: "dashed" as const, color: "#595959" },
            label: { formatter: t("value.pareto.topPercent", { percent: topPercent }) },
            data: [{ xAxis: topPercent / 100 }],
          },
        },
        {
          name: t("value.pareto.equality"),
          type: "line" as const,
          showSymbol: false,
          color: "#bfbfbf",
          lineStyle: { type: "dotted" as const },
          data: [[0, 0], [1, 1]],
        },
      ],
    }),
    [concentration, measure, t, topPercent],
  );
  const ref = useEChart(option);
  if (!concentration) return <Empty description={t("value.pareto.noData")} />;
  return <div ref={ref} style={{ height: 320 }} data-testid="pareto-chart" />;
}

export function ParetoPanel() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [measure, setMeasure] = useState<Measure>("grossProfit");
  const [storeKey, setStoreKey] = useState<string>("all");
  const { data, error } = useApiData(() => getPareto(20), []);
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!data) return <Skeleton active />;
  const group = storeKey === "all" ? data.overall : (data.stores.find((store) => store.storeId === storeKey) ?? data.overall);
  const concentration = group[measure];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card size="small">
          <Segmented<Measure>
            value={measure}
            onChange={setMeasure}
            options={(["grossProfit", "revenue"] as const).map((value) => ({ value, label: t(`value.pareto.measure.${value}`) }))}
            style={{ marginBottom: 8, marginRight: 8 }}
          />
          <Segmented<string>
            value={storeKey}
            onChange={setStoreKey}
            options={[{ value: "all", label: t("value.pareto.overall") }, ...data.stores.map((store) => ({ value: store.storeId!, label: store.storeName ?? "—" }))]}
            data-testid="pareto-store"
          />
          {concentration && (
            <Row gutter={16} style={{ marginTop: 12 }}>
              <Col span={12}>
                <Statistic
                  title={t(measure === "grossProfit" ? "value.pareto.profitShare" : "value.pareto.revenueShare", {
                    percent: data.topPercent,
                    share: formatShare(locale, concentration.topShare),
                  })}
                  value={formatShare(locale, concentration.topShare)}
                  data-testid="pareto-top-share"
                />
              </Col>
              <Col span={12}>
                <Statistic title={t("value.pareto.gini", { gini: "" })} value={formatDecimal(locale, concentration.gini, 2)} />
              </Col>
            </Row>
          )}
          <ParetoChart group={group} measure={measure} topPercent={data.topPercent} />
          {measure === "grossProfit" && group.losingCustomers > 0 && (
            <Typography.Text type="secondary">{t("value.pareto.losing", { count: group.losingCustomers })}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card size="small">
          <Table
            size="small"
            pagination={false}
            rowKey={(row) => row.storeId ?? "all"}
            dataSource={[data.overall, ...data.stores]}
            columns={[
              { title: t("value.pareto.store"), render: (_: unknown, row: Group) => row.storeName ?? t("value.pareto.overall") },
              { title: t("value.pareto.customers"), align: "right" as const, render: (_: unknown, row: Group) => formatNumber(locale, row.customers) },
              {
                title: t("value.pareto.measure.grossProfit"),
                align: "right" as const,
                render: (_: unknown, row: Group) =>
                  row.grossProfit ? `${formatShare(locale, row.grossProfit.topShare)} / ${formatMoney(locale, row.grossProfit.total, 0)}` : "—",
              },
              {
                title: t("value.pareto.measure.revenue"),
                align: "right" as const,
                render: (_: unknown, row: Group) => (row.revenue ? formatShare(locale, row.revenue.topShare) : "—"),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t("value.pareto.topPercent", { percent: data.topPercent })}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
