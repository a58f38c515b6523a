/** One question's answers: its distribution with the scale's words, its mean or metric, reach and themes. */
import type { Question, QuestionReport } from "@kexin/contracts";
import { Card, Empty, Space, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { OWN_RATING_KEY } from "@kexin/contracts";
import { pointLabels } from "../point-labels.ts";
import { ReportChart, type ChartOption } from "../ReportChart.tsx";
import { useReportFormat, type ReportFormat } from "../useReportFormat.ts";
import { choiceOption, pairOption, rowsOption, scaleOption, themesOption } from "./question-charts.ts";

function chartHeight(report: QuestionReport): number {
  const { distribution } = report;
  switch (distribution.kind) {
    case "choice":
      return Math.max(120, 40 + distribution.options.length * 30);
    case "rows":
      return Math.max(140, 64 + distribution.rows.length * 30);
    case "text":
      return Math.max(120, 24 + Math.min(12, distribution.themes.length) * 24);
    default:
      return 220;
  }
}

function Summary({ report, format }: { report: QuestionReport; format: ReportFormat }) {
  const { t } = useTranslation();
  const { distribution } = report;
  if (distribution.kind !== "scale" || !distribution.stats.mean) return null;
  const { mean } = distribution.stats;
  const parts = [
    t("reports.overview.questions.mean", { mean: format.decimal(mean.mean, 2) }),
    format.interval(mean.lower, mean.upper, 2),
  ];
  if (distribution.csat) parts.push(`CSAT ${format.percent(distribution.csat.percent)}`);
  if (distribution.nps) parts.push(`NPS ${format.decimal(distribution.nps.nps, 1)}`);
  if (distribution.ces) parts.push(`CES ${format.decimal(distribution.ces.mean, 2)}`);
  return <Typography.Text type="secondary">{parts.filter(Boolean).join(" · ")}</Typography.Text>;
}

export function QuestionCard({ report, number, question, reach }: {
  report: QuestionReport;
  number: number;
  /** The question as the survey asks it (for its scale's words); undefined while the survey loads. */
  question: Question | undefined;
  reach: number | null | undefined;
}) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const { distribution } = report;
  const type = report.question.type;

  const option = useMemo((): ChartOption | null => {
    switch (distribution.kind) {
      case "scale": {
        if (distribution.stats.n === 0) return null;
        const labels = pointLabels(question, distribution.stats.min, distribution.stats.max, format.locale);
        return scaleOption(distribution.stats, labels, type === "nps", format);
      }
      case "pair": {
        const first = distribution.parts[0]?.stats;
        if (!first || first.n === 0) return null;
        const labels = pointLabels(question, first.min, first.max, format.locale, distribution.parts[0].part);
        return pairOption(distribution, labels, (part) => t(`reports.overview.questions.${part}`), format);
      }
      case "rows": {
        const first = distribution.rows[0]?.stats;
        if (!first || distribution.rows.every((row) => row.stats.n === 0)) return null;
        const labels = pointLabels(question, first.min, first.max, format.locale);
        const rowName = (row: (typeof distribution.rows)[number]) =>
          row.row === OWN_RATING_KEY && type === "competitor" ? t("reports.overview.questions.us") : format.text(row.label) || row.row;
        return rowsOption(distribution, rowName, labels, format);
      }
      case "choice":
        return distribution.n === 0 ? null : choiceOption(distribution, (option) => format.text(option.label) || option.key, format);
      case "text":
        return distribution.themes.length === 0 ? null : themesOption(distribution, format);
    }
  }, [distribution, question, type, format, t]);

  return (
    <Card
      size="small"
      className="report-question"
      data-testid={`report-question-${report.question.key}`}
      title={
        <Typography.Text className="report-question-title" title={format.text(report.question.title)}>
          {`Q${number}. ${format.text(report.question.title)}`}
        </Typography.Text>
      }
      extra={<Tag>{t(`surveys.questionTypes.${type}`)}</Tag>}
    >
      <Space wrap size={[12, 0]} className="report-question-meta">
        <Typography.Text>{t("reports.overview.questions.answered", { count: report.answered })}</Typography.Text>
        {reach !== null && reach !== undefined ? (
          <Typography.Text type="secondary">{t("reports.overview.questions.reach", { rate: format.share(reach) })}</Typography.Text>
        ) : null}
        <Summary report={report} format={format} />
      </Space>
      {distribution.kind === "text" ? (
        <div className="report-chart-caption">
          {distribution.themes.length > 0 ? t("reports.overview.questions.themes") : t("reports.overview.questions.noThemes")}
        </div>
      ) : null}
      {option ? (
        <ReportChart option={option} height={chartHeight(report)} />
      ) : distribution.kind === "text" ? null : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("reports.overview.questions.noAnswers")} />
      )}
    </Card>
  );
}
