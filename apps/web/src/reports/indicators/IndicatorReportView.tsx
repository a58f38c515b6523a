/**
 * The three-level indicator report: the overall index over its dimensions and indicators (a tree with score bars),
 * the indicators weakest first ("where to work"), and the importance–performance map.
 */
import type { IndicatorReport, LocalizedText } from "@kexin/contracts";
import { Alert, Card, Col, Row, Statistic, Table, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { getIndicatorReport } from "../../api/reports-api.ts";
import { useApiData } from "../../api/useApiData.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { reportQuery } from "../report-filters.ts";
import type { ReportViewProps } from "../report-view.ts";
import { ReportScopeLine } from "../ReportScopeLine.tsx";
import { ReportLoad } from "../ReportState.tsx";
import { ScoreBar } from "../ScoreBar.tsx";
import { useReportFormat } from "../useReportFormat.ts";
import { ImportancePerformanceChart } from "./ImportancePerformanceChart.tsx";

interface TreeRow {
  key: string;
  title: string;
  level: 1 | 2 | 3;
  weight: number | null;
  score: number;
  answered: number | null;
  children?: TreeRow[];
}

function IndicatorTree({ report }: { report: IndicatorReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const root: TreeRow = useMemo(
    () => ({
      key: "__overall",
      title: t("reports.indicators.overall"),
      level: 1,
      weight: null,
      score: report.score,
      answered: report.respondents,
      children: report.dimensions.map((dimension) => ({
        key: `d:${dimension.key}`,
        title: format.text(dimension.title),
        level: 2,
        weight: dimension.weight,
        score: dimension.score,
        answered: null,
        children: dimension.indicators.map((indicator) => ({
          key: `i:${indicator.key}`,
          title: format.text(indicator.title),
          level: 3,
          weight: indicator.weight,
          score: indicator.score,
          answered: indicator.answered,
        })),
      })),
    }),
    [report, t, format],
  );
  return (
    <Table<TreeRow>
      size="small"
      pagination={false}
      dataSource={[root]}
      expandable={{ defaultExpandAllRows: true, indentSize: 20 }}
      rowClassName={(row) => `report-tree-level-${row.level}`}
      columns={[
        { key: "title", title: `${t("reports.indicators.dimension")} / ${t("reports.indicators.indicator")}`, render: (_, row) => row.title },
        { key: "weight", title: t("reports.common.weight"), align: "right", width: 90, render: (_, row) => (row.weight === null ? "" : format.share(row.weight)) },
        { key: "score", title: t("reports.common.score"), width: 260, render: (_, row) => <ScoreBar score={row.score} /> },
        { key: "answered", title: t("reports.indicators.answered"), align: "right", width: 100, render: (_, row) => (row.answered === null ? "" : format.count(row.answered)) },
      ]}
      data-testid="report-indicator-tree"
    />
  );
}

function Indicators({ report, titleOf }: { report: IndicatorReport; titleOf: (key: string) => string }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const grid = report.importancePerformance;
  return (
    <>
      <ReportScopeLine scope={report.scope} extra={t("reports.indicators.respondents", { count: report.respondents })} />
      {report.unanswered.length > 0 ? (
        <Alert type="warning" showIcon className="report-alert" title={t("reports.indicators.unanswered", { list: report.unanswered.map(titleOf).join("、") })} />
      ) : null}
      <Row gutter={[16, 16]} className="report-stack">
        <Col xs={24} lg={6}>
          <Card className="report-kpi report-index-card">
            <Statistic
              title={t("reports.indicators.overall")}
              valueRender={() => <span data-testid="report-indicator-score">{format.decimal(report.score, 1)}</span>}
              suffix={<span className="report-index-suffix">/ 100</span>}
            />
            <Typography.Text type="secondary">{t("reports.indicators.overallHint")}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          <Card className="report-dimension-strip" size="small">
            <Row gutter={[16, 8]}>
              {report.dimensions.map((dimension) => (
                <Col key={dimension.key} flex="1 1 160px">
                  <Typography.Text type="secondary">{`${format.text(dimension.title)} · ${format.share(dimension.weight, 0)}`}</Typography.Text>
                  <ScoreBar score={dimension.score} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      <Card title={t("reports.indicators.treeTitle")} className="report-section">
        <IndicatorTree report={report} />
      </Card>
      <Card title={t("reports.indicators.whereTitle")} className="report-section" data-testid="report-where-to-work">
        <Typography.Paragraph type="secondary">{t("reports.indicators.whereHint")}</Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={report.weakest}
          columns={[
            { key: "rank", title: t("reports.indicators.rank"), width: 64, render: (_, __, index) => index + 1 },
            { key: "title", title: t("reports.indicators.indicator"), render: (_, row) => format.text(row.title) },
            { key: "dimension", title: t("reports.indicators.dimension"), render: (_, row) => format.text(row.dimensionTitle) },
            { key: "weight", title: t("reports.common.weight"), align: "right", width: 90, render: (_, row) => format.share(row.weight) },
            { key: "score", title: t("reports.common.score"), width: 260, render: (_, row) => <ScoreBar score={row.score} /> },
          ]}
        />
      </Card>
      <Card title={t("reports.indicators.ipaTitle")} className="report-section" data-testid="report-ipa">
        {grid ? (
          <>
            <Typography.Paragraph type="secondary">
              {grid.source === "importance_questions" ? t("reports.indicators.ipaSourceQuestions") : t("reports.indicators.ipaSourceRegression")}
            </Typography.Paragraph>
            <ImportancePerformanceChart grid={grid} />
          </>
        ) : (
          <Alert
            type="info"
            showIcon
            title={t("reports.indicators.noIpa")}
            description={report.importanceNote ? t("reports.states.serverSays", { message: report.importanceNote }) : undefined}
          />
        )}
      </Card>
    </>
  );
}

export function IndicatorReportView({ surveyId, filters, definition }: ReportViewProps) {
  const { locale } = useLocale();
  const format = useReportFormat();
  const query = reportQuery(filters, locale);
  const report = useApiData(() => getIndicatorReport(surveyId, query), [surveyId, JSON.stringify(query)]);
  const titles = useMemo(() => {
    const entries: [string, LocalizedText][] = (definition?.indicatorSystem?.dimensions ?? []).flatMap((dimension) =>
      dimension.indicators.map((indicator) => [indicator.key, indicator.title] as [string, LocalizedText]),
    );
    return new Map(entries);
  }, [definition]);
  return <ReportLoad {...report}>{(data) => <Indicators report={data} titleOf={(key) => format.text(titles.get(key)) || key} />}</ReportLoad>;
}
