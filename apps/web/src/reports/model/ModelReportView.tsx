/**
 * The structural-model report (ACSI/ECSI style): the plain-language reading first, then the path diagram, the
 * 0–100 construct indices, reliability and validity, and the bootstrap intervals of the paths.
 */
import type { ModelReport } from "@kexin/contracts";
import { Alert, Card, Col, Row, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { getModelReport } from "../../api/reports-api.ts";
import { useApiData } from "../../api/useApiData.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { questionsByKey } from "../point-labels.ts";
import { COLORS } from "../report-colors.ts";
import { reportQuery } from "../report-filters.ts";
import type { ReportViewProps } from "../report-view.ts";
import { ReportChart, type ChartOption } from "../ReportChart.tsx";
import { ReportScopeLine } from "../ReportScopeLine.tsx";
import { ReportLoad } from "../ReportState.tsx";
import { useReportFormat } from "../useReportFormat.ts";
import { BootstrapTable, HtmtTable, ReliabilityTable } from "./ModelTables.tsx";
import { PathDiagram } from "./PathDiagram.tsx";

function IndexChart({ report, titleOf }: { report: ModelReport; titleOf: (key: string) => string }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const option = useMemo((): ChartOption => {
    const constructs = [...report.constructs].reverse();
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", min: 0, max: 100 },
      yAxis: { type: "category", data: constructs.map((c) => titleOf(c.key)), axisLabel: { width: 160, overflow: "truncate" } },
      series: [
        {
          type: "bar",
          name: t("reports.model.indicesTitle"),
          barMaxWidth: 22,
          itemStyle: { color: COLORS.primary },
          data: constructs.map((c) => c.index),
          label: { show: true, position: "right", formatter: (item: { value: unknown }) => format.decimal(Number(item.value), 1) },
        },
      ],
    };
  }, [report, titleOf, t, format]);
  return <ReportChart option={option} height={Math.max(180, 40 + report.constructs.length * 36)} testId="report-model-indices" />;
}

function Model({ report, questionTitle }: { report: ModelReport; questionTitle: (key: string) => string }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const titleOf = useMemo(() => {
    const titles = new Map(report.constructs.map((c) => [c.key, format.text(c.title) || c.key]));
    return (key: string) => titles.get(key) ?? key;
  }, [report, format]);
  return (
    <>
      <ReportScopeLine scope={report.scope} extra={t("reports.model.cases", { count: report.cases })} />
      {!report.converged ? <Alert type="warning" showIcon className="report-alert" title={t("reports.model.notConverged", { iterations: report.iterations })} /> : null}
      <Card title={t("reports.model.readingTitle")} className="report-section report-reading" data-testid="report-model-reading">
        <ul>
          {report.reading.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </Card>
      <Card title={t("reports.model.pathTitle")} className="report-section">
        <Typography.Paragraph type="secondary">{t("reports.model.pathHint")}</Typography.Paragraph>
        <PathDiagram report={report} />
      </Card>
      <Row gutter={[16, 16]} className="report-section report-stack">
        <Col xs={24} xl={10}>
          <Card title={t("reports.model.indicesTitle")} style={{ height: "100%" }}>
            <IndexChart report={report} titleOf={titleOf} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t("reports.model.htmtTitle")} style={{ height: "100%" }}>
            <Typography.Paragraph type="secondary">{t("reports.model.htmtHint")}</Typography.Paragraph>
            <HtmtTable report={report} titleOf={titleOf} />
          </Card>
        </Col>
      </Row>
      <Card title={t("reports.model.reliabilityTitle")} className="report-section">
        <Typography.Paragraph type="secondary">{t("reports.model.reliabilityHint")}</Typography.Paragraph>
        <ReliabilityTable report={report} titleOf={titleOf} questionTitle={questionTitle} />
      </Card>
      <Card title={t("reports.model.bootstrapTitle")} className="report-section">
        <Typography.Paragraph type="secondary">
          {report.bootstrap
            ? t("reports.model.bootstrapHint", { resamples: report.bootstrap.resamples, seed: report.bootstrap.seed })
            : t("reports.model.noBootstrap")}
        </Typography.Paragraph>
        <BootstrapTable report={report} titleOf={titleOf} />
      </Card>
    </>
  );
}

export function ModelReportView({ surveyId, filters, definition }: ReportViewProps) {
  const { locale } = useLocale();
  const format = useReportFormat();
  const query = reportQuery(filters, locale);
  const report = useApiData(() => getModelReport(surveyId, query), [surveyId, JSON.stringify(query)]);
  const questions = useMemo(() => questionsByKey(definition), [definition]);
  return (
    <ReportLoad {...report}>
      {(data) => <Model report={data} questionTitle={(key) => format.text(questions.get(key)?.title) || key} />}
    </ReportLoad>
  );
}
