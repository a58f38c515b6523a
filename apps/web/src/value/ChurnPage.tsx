/**
 * Churn, the leaky bucket: how many buyers are active, slipping and lost, the yearly value walking out, losses per
 * month, why (complaints and negative feedback), and the at-risk list to call today, most valuable first.
 */
import type { ChurnCustomerList, ChurnSummary } from "@kexin/contracts";
import { Alert, Card, Col, Empty, List, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useApiData } from "../api/useApiData.ts";
import { useEChart } from "../charts/useEChart.ts";
import { formatDate, formatMoney, formatMonth, formatNumber, formatShare } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { TierTag } from "./TierTag.tsx";
import { getChurnSummary, listChurnCustomers } from "./value-api.ts";

type Status = "at_risk" | "lost";
const PAGE_SIZE = 20;

function LostByMonthChart({ months }: { months: ChurnSummary["lostByMonth"] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" as const },
      legend: { bottom: 0 },
      grid: { left: 48, right: 64, top: 24, bottom: 56 },
      xAxis: { type: "category" as const, data: months.map((month) => formatMonth(locale, month.month)) },
      yAxis: [{ type: "value" as const, minInterval: 1 }, { type: "value" as const, splitLine: { show: false } }],
      series: [
        { name: t("value.churn.customersSeries"), type: "bar" as const, color: "#c8102e", data: months.map((month) => month.customers) },
        {
          name: t("value.churn.valueSeries"),
          type: "line" as const,
          yAxisIndex: 1,
          color: "#faad14",
          data: months.map((month) => Math.round(month.annualValue)),
        },
      ],
    }),
    [locale, months, t],
  );
  const ref = useEChart(option);
  if (months.length === 0) return <Empty />;
  return <div ref={ref} style={{ height: 260 }} data-testid="churn-month-chart" />;
}

function Reasons({ summary }: { summary: ChurnSummary }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...summary.reasons.map((reason) => reason.customers));
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>{t("value.churn.reasons")}</Typography.Title>
        {summary.reasons.length === 0 ? (
          <Typography.Text type="secondary">{t("value.churn.noReasons")}</Typography.Text>
        ) : (
          <List
            size="small"
            data-testid="churn-reasons"
            dataSource={summary.reasons}
            renderItem={(reason) => (
              <List.Item>
                <span style={{ minWidth: 110 }}>{t(`value.churn.reasonNames.${reason.reason}`, { defaultValue: reason.reason })}</span>
                <div style={{ flex: 1, margin: "0 12px", background: "#f5f5f5", height: 8, borderRadius: 4 }}>
                  <div style={{ width: `${(reason.customers / max) * 100}%`, background: "#c8102e", height: 8, borderRadius: 4 }} />
                </div>
                <span>{reason.customers}</span>
              </List.Item>
            )}
          />
        )}
      </Col>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>{t("value.churn.feedbackThemes")}</Typography.Title>
        {summary.feedbackThemes.length === 0 ? (
          <Typography.Text type="secondary">{t("value.churn.noThemes")}</Typography.Text>
        ) : (
          <Space wrap>
            {summary.feedbackThemes.map((theme) => (
              <Tag key={theme.theme} color="volcano">
                {theme.theme} · {theme.customers}
              </Tag>
            ))}
          </Space>
        )}
      </Col>
    </Row>
  );
}

function ChurnList({ status }: { status: Status }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useApiData(() => listChurnCustomers(status, page, PAGE_SIZE), [status, page]);
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  type Item = ChurnCustomerList["items"][number];
  const money = (value: number | null) => (value === null ? "—" : formatMoney(locale, value, 0));
  return (
    <Table
      size="small"
      loading={isLoading}
      rowKey="customerId"
      dataSource={data?.items ?? []}
      data-testid={`churn-list-${status}`}
      scroll={{ x: 900 }}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
      columns={[
        { title: t("value.churn.name"), render: (_: unknown, row: Item) => <Link to={`/customers/${row.customerId}`} data-testid="churn-customer-link">{row.name}</Link> },
        { title: t("value.churn.phone"), dataIndex: "phone", render: (value: string | null) => value ?? "—" },
        { title: t("value.churn.tier"), dataIndex: "tier", render: (tier: Item["tier"]) => <TierTag tier={tier} /> },
        { title: t("value.churn.clv"), dataIndex: "clv", align: "right" as const, render: money },
        { title: t("value.churn.annualValue"), dataIndex: "annualValue", align: "right" as const, render: money },
        { title: t("value.churn.pAlive"), dataIndex: "pAlive", align: "right" as const, render: (value: number | null) => (value === null ? "—" : formatShare(locale, value, 0)) },
        { title: t("value.churn.lastPurchase"), dataIndex: "lastPurchaseAt", render: (value: string | null) => formatDate(locale, value) },
        { title: t("value.churn.overdue"), dataIndex: "daysOverdue", align: "right" as const, render: (value: number | null) => (value === null ? "—" : formatNumber(locale, value)) },
        { title: t("value.churn.store"), dataIndex: "homeStoreName", render: (value: string | null) => value ?? "—" },
        { title: t("value.churn.manager"), dataIndex: "accountManagerName", render: (value: string | null) => value ?? "—" },
      ]}
    />
  );
}

export default function ChurnPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [status, setStatus] = useState<Status>("at_risk");
  const { data, error } = useApiData(getChurnSummary, []);
  type StatKey = "buyers" | "active" | "atRisk" | "lost" | "lostRecently" | "lostValue" | "atRiskValue" | "atRiskClv";
  const stats: { key: StatKey; value: string }[] | undefined = data && [
    { key: "buyers", value: formatNumber(locale, data.buyers) },
    { key: "active", value: formatNumber(locale, data.active) },
    { key: "atRisk", value: formatNumber(locale, data.atRisk) },
    { key: "lost", value: formatNumber(locale, data.lost) },
    { key: "lostRecently", value: formatNumber(locale, data.lostLast90Days) },
    { key: "lostValue", value: formatMoney(locale, data.lostAnnualValue, 0) },
    { key: "atRiskValue", value: formatMoney(locale, data.atRiskAnnualValue, 0) },
    { key: "atRiskClv", value: formatMoney(locale, data.atRiskClv, 0) },
  ];
  return (
    <>
      <PageTitle title={t("value.churnTitle")} />
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : !data || !stats ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Row gutter={[16, 16]}>
            {stats.map((stat) => (
              <Col xs={12} md={6} key={stat.key}>
                <Card size="small">
                  <Statistic title={t(`value.churn.${stat.key}`)} value={stat.value} data-testid={`churn-${stat.key}`} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary">
            {t("value.churn.thresholds", {
              atRisk: data.thresholds.atRiskIntervalMultiple,
              lost: data.thresholds.lostIntervalMultiple,
              atRiskAlive: data.thresholds.atRiskAliveBelow,
              lostAlive: data.thresholds.lostAliveBelow,
            })}
          </Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t("value.churn.byMonth")}>
                <LostByMonthChart months={data.lostByMonth} />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" style={{ height: "100%" }}>
                <Reasons summary={data} />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={
              <Segmented<Status>
                value={status}
                onChange={setStatus}
                options={(["at_risk", "lost"] as const).map((value) => ({ value, label: t(`value.churn.list.${value}`) }))}
                data-testid="churn-status"
              />
            }
          >
            {status === "at_risk" && <Typography.Paragraph type="secondary">{t("value.churn.listIntro")}</Typography.Paragraph>}
            <ChurnList key={status} status={status} />
          </Card>
        </Space>
      )}
    </>
  );
}
