/**
 * Expectation versus perception: each respondent's satisfaction ratio c = b/a (perception over expectation), the
 * split into regular (c > 1), uncertain (c ≈ 1) and rare (c < 1) customers with what each means, the distribution
 * of c, and every attribute's expectation and perception.
 */
import type { ExpectationReport } from "@kexin/contracts";
import { Card, Col, Row, Statistic, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { getExpectationReport } from "../../api/reports-api.ts";
import { useApiData } from "../../api/useApiData.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { COLORS } from "../report-colors.ts";
import { reportQuery } from "../report-filters.ts";
import type { ReportViewProps } from "../report-view.ts";
import { ReportChart, type ChartOption } from "../ReportChart.tsx";
import { ReportScopeLine } from "../ReportScopeLine.tsx";
import { ReportEmpty, ReportLoad } from "../ReportState.tsx";
import { useReportFormat } from "../useReportFormat.ts";
import { GapText } from "../servqual/ServqualReportView.tsx";

type Reading = ExpectationReport["split"][number]["reading"];
export const READING_COLORS: Record<Reading, string> = { regular: COLORS.good, uncertain: COLORS.neutral, rare: COLORS.bad };

function useCharts(report: ExpectationReport) {
  const { t } = useTranslation();
  const format = useReportFormat();
  return useMemo(() => {
    const split: ChartOption = {
      tooltip: { trigger: "item", formatter: (item: unknown) => {
        const entry = report.split[(item as { dataIndex: number }).dataIndex];
        return `${t(`reports.expectation.readings.${entry.reading}`)}: ${format.count(entry.count)} (${format.share(entry.share)})`;
      } },
      legend: { bottom: 0 },
      series: [
        {
          type: "pie",
          radius: ["42%", "70%"],
          center: ["50%", "45%"],
          data: report.split.map((entry) => ({
            name: t(`reports.expectation.readings.${entry.reading}`),
            value: entry.count,
            itemStyle: { color: READING_COLORS[entry.reading] },
          })),
          label: { formatter: (item: { dataIndex: number }) => `${t(`reports.expectation.readings.${report.split[item.dataIndex].reading}`)}\n${format.share(report.split[item.dataIndex].share)}` },
        },
      ],
    };
    const low = 1 - report.tolerance;
    const high = 1 + report.tolerance;
    const histogram: ChartOption = {
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: {
        type: "category",
        name: t("reports.expectation.histogramAxis"),
        nameLocation: "middle",
        nameGap: 28,
        data: report.ratioBins.map((bin, index) => (index === report.ratioBins.length - 1 ? `≥ ${format.decimal(bin.from, 1)}` : `${format.decimal(bin.from, 1)}–${format.decimal(bin.to, 1)}`)),
        axisLabel: { interval: 1, fontSize: 10 },
      },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "bar",
          barCategoryGap: "10%",
          data: report.ratioBins.map((bin) => ({
            value: bin.count,
            // A bin wholly below 1 − tolerance holds rare customers, wholly above 1 + tolerance regular ones.
            itemStyle: { color: bin.to <= low ? READING_COLORS.rare : bin.from >= high ? READING_COLORS.regular : COLORS.primary },
          })),
        },
      ],
    };
    // Dots rather than bars: the axis does not start at zero, and dots do not pretend it does.
    const attributes = [...report.attributes].reverse();
    const names = attributes.map((a) => format.text(a.title));
    const bars: ChartOption = {
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "line" }, valueFormatter: (value: unknown) => format.decimal(Number(value), 2) },
      xAxis: { type: "value", scale: true, splitLine: { lineStyle: { type: "dashed" } } },
      yAxis: { type: "category", data: names, axisLabel: { width: 220, overflow: "truncate" }, splitLine: { show: true, lineStyle: { color: "#f5f5f5" } } },
      series: [
        { type: "scatter", name: t("reports.overview.questions.expectation"), data: attributes.map((a) => a.expectation), itemStyle: { color: COLORS.expectation }, symbolSize: 10 },
        {
          type: "scatter",
          name: t("reports.overview.questions.perception"),
          data: attributes.map((a) => a.perception),
          itemStyle: { color: COLORS.perception },
          symbol: "diamond",
          symbolSize: 12,
        },
      ],
    };
    return { split, histogram, bars };
  }, [report, t, format]);
}

function Expectation({ report }: { report: ExpectationReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const charts = useCharts(report);
  if (report.respondents === 0) return <ReportEmpty />;
  type Attribute = ExpectationReport["attributes"][number];
  const readings: Reading[] = ["regular", "uncertain", "rare"];
  return (
    <>
      <ReportScopeLine scope={report.scope} extra={t("reports.expectation.respondents", { count: report.respondents })} />
      <Row gutter={[16, 16]} className="report-section report-stack">
        <Col xs={24} lg={8}>
          <Card className="report-kpi" style={{ height: "100%" }}>
            <Statistic title={t("reports.expectation.meanRatio")} valueRender={() => <span data-testid="report-mean-ratio">{format.decimal(report.meanRatio, 3)}</span>} />
            <Typography.Paragraph type="secondary">{t("reports.expectation.meanRatioHint")}</Typography.Paragraph>
            <Typography.Text type="secondary">{t("reports.expectation.tolerance", { tolerance: format.decimal(report.tolerance, 2) })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t("reports.expectation.definitionsTitle")} style={{ height: "100%" }} data-testid="report-expectation-definitions">
            <ul className="report-definitions">
              {readings.map((reading) => (
                <li key={reading}>
                  <Tag color={READING_COLORS[reading]}>{t(`reports.expectation.readings.${reading}`)}</Tag>
                  {t(`reports.expectation.definitions.${reading}`)}
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="report-section report-stack">
        <Col xs={24} xl={10}>
          <Card title={t("reports.expectation.splitTitle")} style={{ height: "100%" }}>
            <ReportChart option={charts.split} height={300} testId="report-expectation-split" />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t("reports.expectation.histogramTitle")} style={{ height: "100%" }}>
            <ReportChart option={charts.histogram} height={280} testId="report-expectation-histogram" />
            <Typography.Text type="secondary" className="report-chart-note">
              {t("reports.expectation.histogramHint", { low: format.decimal(1 - report.tolerance, 2), high: format.decimal(1 + report.tolerance, 2) })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card title={t("reports.expectation.attributesTitle")} className="report-section">
        <ReportChart option={charts.bars} height={Math.max(220, 48 + report.attributes.length * 30)} testId="report-expectation-attributes" />
        <Table<Attribute>
          size="small"
          pagination={false}
          rowKey="question"
          dataSource={report.attributes}
          columns={[
            { key: "attribute", title: t("reports.expectation.attribute"), render: (_, a) => format.text(a.title) },
            { key: "n", title: "n", align: "right", render: (_, a) => format.count(a.n) },
            { key: "expectation", title: t("reports.overview.questions.expectation"), align: "right", render: (_, a) => format.decimal(a.expectation, 2) },
            { key: "perception", title: t("reports.overview.questions.perception"), align: "right", render: (_, a) => format.decimal(a.perception, 2) },
            { key: "gap", title: t("reports.servqual.gap"), align: "right", render: (_, a) => <GapText gap={a.gap} /> },
            { key: "ratio", title: t("reports.expectation.ratio"), align: "right", render: (_, a) => format.decimal(a.ratio, 3) },
            { key: "reading", title: t("reports.expectation.reading"), render: (_, a) => <Tag color={READING_COLORS[a.reading]}>{t(`reports.expectation.readings.${a.reading}`)}</Tag> },
          ]}
        />
      </Card>
    </>
  );
}

export function ExpectationReportView({ surveyId, filters }: ReportViewProps) {
  const { locale } = useLocale();
  const query = reportQuery(filters, locale);
  const report = useApiData(() => getExpectationReport(surveyId, query), [surveyId, JSON.stringify(query)]);
  return <ReportLoad {...report}>{(data) => <Expectation report={data} />}</ReportLoad>;
}
