/** The survey overview: headline figures, trend, breakdown, completion and every question's answers. */
import type { OverviewReport } from "@kexin/contracts";
import { Col, Row, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { getOverviewReport } from "../../api/reports-api.ts";
import { useApiData } from "../../api/useApiData.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { questionsByKey } from "../point-labels.ts";
import { reportQuery, type OverviewChoices } from "../report-filters.ts";
import type { ReportViewProps } from "../report-view.ts";
import { ReportScopeLine } from "../ReportScopeLine.tsx";
import { ReportEmpty, ReportLoad } from "../ReportState.tsx";
import { BreakdownCard } from "./BreakdownCard.tsx";
import { CompletionCard } from "./CompletionCard.tsx";
import { KpiCards } from "./KpiCards.tsx";
import { QuestionCard } from "./QuestionCard.tsx";
import { TrendCard } from "./TrendCard.tsx";

function Overview({ report, definition, onChoices, groupBy }: {
  report: OverviewReport;
  definition: ReportViewProps["definition"];
  onChoices(change: Partial<OverviewChoices>): void;
  groupBy: string | undefined;
}) {
  const { t } = useTranslation();
  const questions = useMemo(() => questionsByKey(definition), [definition]);
  const reach = new Map(report.completion?.questions.map((entry) => [entry.question, entry.rate]));
  const hasCompletion = report.completion?.rate !== null && report.completion !== null;
  return (
    <>
      <ReportScopeLine scope={report.scope} />
      {report.scope.responses === 0 ? (
        <ReportEmpty />
      ) : (
        <>
          <KpiCards report={report} />
          {report.trend.series.length > 0 ? <TrendCard report={report} onInterval={(interval) => onChoices({ interval })} /> : null}
          <BreakdownCard report={report} groupBy={groupBy} onGroupBy={(next) => onChoices({ groupBy: next })} />
          <CompletionCard report={report} definition={definition} />
          <section className="report-section report-questions">
            <Typography.Title level={4}>{t("reports.overview.questions.title")}</Typography.Title>
            <Row gutter={[16, 16]} className="report-stack">
              {report.questions.map((entry, index) => (
                <Col key={entry.question.key} xs={24} xl={12} className="report-question-col">
                  <QuestionCard
                    report={entry}
                    number={index + 1}
                    question={questions.get(entry.question.key)}
                    reach={hasCompletion ? reach.get(entry.question.key) : undefined}
                  />
                </Col>
              ))}
            </Row>
          </section>
        </>
      )}
    </>
  );
}

export function OverviewReportView({ surveyId, filters, definition, choices, onChoices }: ReportViewProps & {
  choices: OverviewChoices;
  onChoices(change: Partial<OverviewChoices>): void;
}) {
  const { locale } = useLocale();
  const query = reportQuery(filters, locale, choices);
  const queryKey = JSON.stringify(query);
  const report = useApiData(() => getOverviewReport(surveyId, query), [surveyId, queryKey]);
  return (
    <ReportLoad {...report}>
      {(data) => <Overview report={data} definition={definition} onChoices={onChoices} groupBy={choices.groupBy} />}
    </ReportLoad>
  );
}
