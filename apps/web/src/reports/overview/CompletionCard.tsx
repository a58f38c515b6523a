/** How many started, how many finished, how far people got: the share reaching each question and page. */
import type { OverviewReport, SurveyDefinition } from "@kexin/contracts";
import { Alert, Card, Col, Row, Statistic, Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { COLORS } from "../report-colors.ts";
import { ReportChart, type ChartOption } from "../ReportChart.tsx";
import { useReportFormat } from "../useReportFormat.ts";

export function CompletionCard({ report, definition }: { report: OverviewReport; definition: SurveyDefinition | undefined }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const { completion } = report;
  const titles = useMemo(() => new Map(report.questions.map((q, index) => [q.question.key, { index, title: format.text(q.question.title) }])), [report.questions, format]);

  const option = useMemo((): ChartOption | null => {
    if (!completion || completion.questions.length === 0) return null;
    const rows = completion.questions;
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (items: unknown) => {
          const index = (items as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const row = rows[index];
          return `${titles.get(row.question)?.title ?? row.question}<br/>${format.share(row.rate)} (${format.count(row.reached)} / ${format.count(completion.started)})`;
        },
      },
      xAxis: { type: "category", data: rows.map((row) => `Q${(titles.get(row.question)?.index ?? 0) + 1}`) },
      yAxis: { type: "value", max: 1, axisLabel: { formatter: (value: number) => format.share(value, 0) } },
      series: [
        {
          type: "bar",
          data: rows.map((row) => row.rate ?? "-"),
          itemStyle: { color: COLORS.primary },
          barMaxWidth: 28,
          label: { show: rows.length <= 20, position: "top", formatter: (item: { value: unknown }) => (typeof item.value === "number" ? format.share(item.value, 0) : "") },
        },
      ],
    };
  }, [completion, titles, format]);

  const pageTitle = (key: string) => format.text(definition?.pages.find((page) => page.key === key)?.title) || key;
  return (
    <Card title={t("reports.overview.completion.title")} className="report-section" data-testid="report-completion-card">
      {!completion || completion.rate === null ? (
        <Alert type="info" showIcon title={t("reports.overview.completion.unavailable")} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={8}>
              <Statistic title={t("reports.overview.completion.started")} value={format.count(completion.started)} />
            </Col>
            <Col xs={8}>
              <Statistic title={t("reports.overview.completion.submitted")} value={format.count(completion.submitted)} />
            </Col>
            <Col xs={8}>
              <Statistic title={t("reports.overview.kpi.completion")} value={format.share(completion.rate)} />
            </Col>
          </Row>
          {option ? (
            <>
              <div className="report-chart-caption">{t("reports.overview.completion.questionReach")}</div>
              <ReportChart option={option} height={240} testId="report-drop-off" />
            </>
          ) : null}
          {completion.pages.length > 1 ? (
            <Table
              size="small"
              pagination={false}
              rowKey="page"
              dataSource={completion.pages}
              columns={[
                { key: "page", title: t("reports.overview.completion.page"), render: (_, page) => `${page.index + 1}. ${pageTitle(page.page)}` },
                { key: "reached", title: t("reports.overview.completion.reached"), align: "right", render: (_, page) => format.count(page.reached) },
                { key: "stopped", title: t("reports.overview.completion.stoppedHere"), align: "right", render: (_, page) => format.count(page.stoppedHere) },
              ]}
            />
          ) : null}
        </>
      )}
    </Card>
  );
}
