/**
 * The SERVQUAL gap report: perception − expectation per dimension (negative gaps in red: service falls short of
 * what customers expect), the overall and importance-weighted gap, and every item's two means.
 */
import type { ServqualReport } from "@kexin/contracts";
import { Card, Col, Row, Statistic, Table, Typography } from "antd";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { getServqualReport } from "../../api/reports-api.ts";
import { useApiData } from "../../api/useApiData.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { COLORS } from "../report-colors.ts";
import { reportQuery } from "../report-filters.ts";
import type { ReportViewProps } from "../report-view.ts";
import { ReportChart, type ChartOption } from "../ReportChart.tsx";
import { ReportScopeLine } from "../ReportScopeLine.tsx";
import { ReportLoad } from "../ReportState.tsx";
import { useReportFormat } from "../useReportFormat.ts";

const SERVQUAL_DIMENSIONS = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"] as const;

export function useDimensionName(): (dimension: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (dimension: string) =>
      (SERVQUAL_DIMENSIONS as readonly string[]).includes(dimension)
        ? t(`surveys.servqual.${dimension as (typeof SERVQUAL_DIMENSIONS)[number]}`)
        : dimension === "other"
          ? t("reports.servqual.other")
          : dimension,
    [t],
  );
}

export function GapText({ gap, digits = 2 }: { gap: number; digits?: number }) {
  const format = useReportFormat();
  const sign = gap > 0 ? "+" : "";
  return <span style={{ color: gap < 0 ? COLORS.bad : COLORS.good, fontWeight: 600 }}>{`${sign}${format.decimal(gap, digits)}`}</span>;
}

function Servqual({ report }: { report: ServqualReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const dimensionName = useDimensionName();
  const option = useMemo((): ChartOption => {
    const dimensions = [...report.dimensions].reverse();
    return {
      grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (items: unknown) => {
          const dimension = dimensions[(items as { dataIndex: number }[])[0]?.dataIndex ?? 0];
          return `${dimensionName(dimension.dimension)}<br/>${t("reports.servqual.gap")}: ${format.decimal(dimension.gap, 2)}<br/>${t("reports.servqual.weight")}: ${format.share(dimension.weight)}`;
        },
      },
      xAxis: { type: "value", splitLine: { lineStyle: { type: "dashed" } } },
      yAxis: { type: "category", data: dimensions.map((d) => dimensionName(d.dimension)), axisLine: { onZero: true }, axisLabel: { margin: 12 } },
      series: [
        {
          type: "bar",
          barMaxWidth: 26,
          data: dimensions.map((d) => ({ value: d.gap, itemStyle: { color: d.gap < 0 ? COLORS.bad : COLORS.good } })),
          label: {
            show: true,
            position: "right",
            formatter: (item: { value: unknown }) => {
              const gap = Number(item.value);
              return `${gap > 0 ? "+" : ""}${format.decimal(gap, 2)}`;
            },
          },
        },
      ],
    } as ChartOption;
  }, [report, t, format, dimensionName]);

  type Item = ServqualReport["items"][number];
  return (
    <>
      <ReportScopeLine scope={report.scope} extra={t("reports.servqual.respondents", { count: report.respondents })} />
      <Row gutter={[16, 16]} className="report-kpis">
        <Col flex="1 1 220px">
          <Card className="report-kpi" size="small">
            <Statistic title={t("reports.servqual.overall")} valueRender={() => <span data-testid="report-servqual-overall"><GapText gap={report.overall} /></span>} />
            <Typography.Text type="secondary">{t("reports.servqual.overallHint")}</Typography.Text>
          </Card>
        </Col>
        <Col flex="1 1 220px">
          <Card className="report-kpi" size="small">
            <Statistic
              title={t("reports.servqual.weighted")}
              valueRender={() => (report.weighted === null ? <span>—</span> : <span data-testid="report-servqual-weighted"><GapText gap={report.weighted} /></span>)}
            />
            <Typography.Text type="secondary">
              {report.importanceSource === "importance_questions" ? t("reports.servqual.weightedHint") : t("reports.servqual.equalWeights")}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card title={t("reports.servqual.gapTitle")} className="report-section">
        <Typography.Paragraph type="secondary">{t("reports.servqual.gapHint")}</Typography.Paragraph>
        <ReportChart option={option} height={Math.max(200, 48 + report.dimensions.length * 44)} testId="report-servqual-gaps" />
        <Table
          size="small"
          pagination={false}
          rowKey="dimension"
          dataSource={report.dimensions}
          columns={[
            { key: "dimension", title: t("reports.servqual.dimension"), render: (_, d) => dimensionName(d.dimension) },
            { key: "gap", title: t("reports.servqual.gap"), align: "right", render: (_, d) => <GapText gap={d.gap} /> },
            { key: "weight", title: t("reports.servqual.weight"), align: "right", render: (_, d) => format.share(d.weight) },
          ]}
        />
      </Card>
      <Card title={t("reports.servqual.itemsTitle")} className="report-section">
        <Table<Item>
          size="small"
          pagination={false}
          rowKey="question"
          dataSource={report.items}
          columns={[
            { key: "item", title: t("reports.servqual.item"), render: (_, item) => format.text(item.title) },
            { key: "dimension", title: t("reports.servqual.dimension"), render: (_, item) => dimensionName(item.dimension) },
            { key: "expectation", title: t("reports.overview.questions.expectation"), align: "right", render: (_, item) => format.decimal(item.expectation, 2) },
            { key: "perception", title: t("reports.overview.questions.perception"), align: "right", render: (_, item) => format.decimal(item.perception, 2) },
            { key: "gap", title: t("reports.servqual.gap"), align: "right", render: (_, item) => <GapText gap={item.gap} /> },
          ]}
        />
      </Card>
    </>
  );
}

export function ServqualReportView({ surveyId, filters }: ReportViewProps) {
  const { locale } = useLocale();
  const query = reportQuery(filters, locale);
  const report = useApiData(() => getServqualReport(surveyId, query), [surveyId, JSON.stringify(query)]);
  return <ReportLoad {...report}>{(data) => <Servqual report={data} />}</ReportLoad>;
}
