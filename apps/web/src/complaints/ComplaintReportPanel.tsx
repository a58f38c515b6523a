/** The complaint report: rates per store, SLA attainment, time to resolve, top reasons, repeat complainers, staff KPI. */
import type { ComplaintRateRow, ComplaintReport, StaffKpiRow } from "@kexin/contracts";
import { Alert, Card, Col, DatePicker, Empty, Progress, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useApiData } from "../api/useApiData.ts";
import { formatDate, formatDecimal, formatShare } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { getComplaintReport } from "./complaints-api.ts";

export function ComplaintReportPanel() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [range, setRange] = useState<[string, string] | null>(null);
  const { data, error, isLoading } = useApiData(() => getComplaintReport(range ? { from: range[0], to: range[1] } : {}), [range]);
  const share = (value: number | null) => (value === null ? "—" : formatShare(locale, value));
  const decimal = (value: number | null) => (value === null ? "—" : formatDecimal(locale, value));

  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!data) return <Card loading={isLoading} />;
  const report: ComplaintReport = data;
  const rateColumns = [
    { key: "name", title: t("complaints.report.store"), dataIndex: "name" },
    { key: "complaints", title: t("complaints.report.complaints"), dataIndex: "complaints", align: "right" as const },
    { key: "customers", title: t("complaints.report.customers"), dataIndex: "customers", align: "right" as const },
    { key: "orders", title: t("complaints.report.orders"), dataIndex: "orders", align: "right" as const },
    { key: "perHundredCustomers", title: t("complaints.report.perHundredCustomers"), dataIndex: "perHundredCustomers", align: "right" as const, render: decimal },
    { key: "perHundredOrders", title: t("complaints.report.perHundredOrders"), dataIndex: "perHundredOrders", align: "right" as const, render: decimal },
    { key: "resolutionRate", title: t("complaints.report.resolutionRate"), dataIndex: "resolutionRate", align: "right" as const, render: share },
  ];
  const staffColumns = [
    { key: "name", title: t("complaints.report.staffName"), dataIndex: "name" },
    { key: "complaints", title: t("complaints.report.staffComplaints"), dataIndex: "complaints", align: "right" as const },
    { key: "customers", title: t("complaints.report.staffCustomers"), dataIndex: "customers", align: "right" as const },
    { key: "rate", title: t("complaints.report.staffRate"), dataIndex: "complaintRatePercent", align: "right" as const, render: (value: number | null) => (value === null ? "—" : `${formatDecimal(locale, value)}%`) },
    { key: "handled", title: t("complaints.report.handled"), align: "right" as const, render: (_value: unknown, row: StaffKpiRow) => `${row.handled} / ${row.handledResolved}` },
    {
      key: "meets",
      title: t("complaints.report.meetsTarget"),
      dataIndex: "meetsTarget",
      render: (meets: boolean | null) =>
        meets === null ? <Tag>{t("complaints.report.noBase")}</Tag> : meets ? <Tag color="green">{t("complaints.report.meetsTarget")}</Tag> : <Tag color="red">{t("complaints.report.missesTarget")}</Tag>,
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="complaint-report">
      <Space>
        <Typography.Text>{t("complaints.report.period")}</Typography.Text>
        <DatePicker.RangePicker
          allowClear
          onChange={(dates) => setRange(dates && dates[0] && dates[1] ? [(dates[0] as Dayjs).format("YYYY-MM-DD"), (dates[1] as Dayjs).format("YYYY-MM-DD")] : null)}
        />
        <Typography.Text type="secondary">{formatDate(locale, report.from)} – {formatDate(locale, report.to)}</Typography.Text>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card><Statistic title={t("complaints.report.total")} value={report.total} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t("complaints.report.perHundredCustomers")} value={decimal(report.overall.perHundredCustomers)} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t("complaints.report.resolutionRate")} value={share(report.overall.resolutionRate)} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t("complaints.report.breachedOpen")} value={report.sla.breachedOpen} valueStyle={{ color: report.sla.breachedOpen > 0 ? "#cf1322" : undefined }} /></Card></Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={`${t("complaints.report.firstResponseAttainment")} / ${t("complaints.report.resolutionAttainment")}`}>
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Progress percent={Math.round((report.sla.firstResponseAttainment ?? 0) * 100)} format={() => share(report.sla.firstResponseAttainment)} />
              <Progress percent={Math.round((report.sla.resolutionAttainment ?? 0) * 100)} format={() => share(report.sla.resolutionAttainment)} strokeColor="#52c41a" />
              <Typography.Text type="secondary">
                {t("complaints.report.medianResolve")}: {report.timeToResolve.medianBusinessHours === null ? "—" : t("complaints.report.businessHours", { hours: formatDecimal(locale, report.timeToResolve.medianBusinessHours) })}
                {" · "}
                {t("complaints.report.p90Resolve")}: {report.timeToResolve.p90BusinessHours === null ? "—" : t("complaints.report.businessHours", { hours: formatDecimal(locale, report.timeToResolve.p90BusinessHours) })}
              </Typography.Text>
              {report.timeToResolve.medianCalendarHours !== null && (
                <Typography.Text type="secondary">{t("complaints.report.calendarHours", { hours: formatDecimal(locale, report.timeToResolve.medianCalendarHours) })}</Typography.Text>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t("complaints.report.topReasons")}>
            {report.topReasons.length === 0 ? (
              <Empty description={t("complaints.report.empty")} />
            ) : (
              report.topReasons.map((reason) => (
                <div key={reason.category} style={{ display: "flex", alignItems: "center", gap: 8 }}>
                  <span style={{ width: 110 }}>{t(`complaints.categories.${reason.category}`)}</span>
                  <Progress percent={Math.round(reason.share * 100)} format={() => reason.count} style={{ flex: 1, margin: 0 }} />
                </div>
              ))
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t("complaints.report.byStore")}>
        <Table<ComplaintRateRow> rowKey={(row) => row.id ?? "all"} size="small" pagination={false} columns={rateColumns} dataSource={report.byStore} />
      </Card>
      <Card title={t("complaints.report.staff")} extra={<Typography.Text type="secondary">{t("complaints.report.threshold", { percent: report.staffKpiThresholdPercent })}</Typography.Text>}>
        <Table<StaffKpiRow> rowKey="staffId" size="small" pagination={false} columns={staffColumns} dataSource={report.staff} data-testid="complaint-staff-kpi" />
      </Card>
      <Card title={t("complaints.report.repeat")}>
        <Table
          rowKey="customerId"
          size="small"
          pagination={false}
          dataSource={report.repeatComplainers}
          columns={[
            { key: "name", title: t("complaints.columns.customer"), render: (_v, row) => <Link to={`/customers/${row.customerId}`}>{row.name}</Link> },
            { key: "complaints", title: t("complaints.report.complaints"), dataIndex: "complaints", align: "right" },
            { key: "lastAt", title: t("complaints.report.lastAt"), dataIndex: "lastAt", render: (at: string) => formatDate(locale, at) },
          ]}
        />
      </Card>
    </Space>
  );
}
