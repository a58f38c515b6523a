/** The headline figures: responses, completion, and the first CSAT, NPS and CES question with their intervals. */
import type { CesMetric, CsatMetric, NpsMetric, OverviewReport } from "@kexin/contracts";
import { Card, Col, Row, Statistic, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { COLORS } from "../report-colors.ts";
import { useReportFormat } from "../useReportFormat.ts";

function headline<K extends "csat" | "nps" | "ces">(report: OverviewReport, metric: K) {
  const key = report.keyMetrics.find((entry) => entry.metric === metric)?.question;
  const distribution = report.questions.find((entry) => entry.question.key === key)?.distribution;
  if (!distribution || distribution.kind !== "scale") return null;
  return distribution[metric] as (K extends "csat" ? CsatMetric : K extends "nps" ? NpsMetric : CesMetric) | null;
}

/** Parts of a detail line; an interval that cannot be computed (one answer) is left out with its separator. */
const joined = (...parts: string[]) => parts.filter(Boolean).join(" · ");

function Kpi({ title, hint, value, testId, children }: { title: string; hint: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <Col flex="1 1 220px">
      <Card className="report-kpi" size="small">
        <Tooltip title={hint}>
          <Statistic title={title} valueRender={() => <span data-testid={testId}>{value}</span>} />
        </Tooltip>
        {children}
      </Card>
    </Col>
  );
}

function NpsBar({ nps }: { nps: NpsMetric }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const parts = [
    { key: "promoters", count: nps.promoters, color: COLORS.good },
    { key: "passives", count: nps.passives, color: COLORS.neutral },
    { key: "detractors", count: nps.detractors, color: COLORS.bad },
  ] as const;
  return (
    <div className="report-nps-bar" data-testid="report-nps-bar">
      <div className="report-nps-bar-track">
        {parts.map((part) =>
          part.count > 0 ? (
            <Tooltip key={part.key} title={`${t(`reports.overview.kpi.${part.key}`)} ${format.count(part.count)} (${format.share(part.count / nps.n)})`}>
              <span style={{ flexGrow: part.count, background: part.color }} />
            </Tooltip>
          ) : null,
        )}
      </div>
      <div className="report-nps-bar-legend">
        {parts.map((part) => (
          <Typography.Text key={part.key} type="secondary">
            <i style={{ background: part.color }} />
            {t(`reports.overview.kpi.${part.key}`)} {format.share(part.count / nps.n, 0)}
          </Typography.Text>
        ))}
      </div>
    </div>
  );
}

export function KpiCards({ report }: { report: OverviewReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const { completion, scope } = report;
  const csat = headline(report, "csat");
  const nps = headline(report, "nps");
  const ces = headline(report, "ces");
  return (
    <Row gutter={[16, 16]} className="report-kpis">
      <Kpi title={t("reports.overview.kpi.responses")} hint={t("reports.overview.kpi.responsesHint")} value={format.count(scope.responses)} testId="report-responses" />
      <Kpi
        title={t("reports.overview.kpi.completion")}
        hint={completion?.rate == null ? t("reports.overview.kpi.completionUnavailable") : t("reports.overview.kpi.completionDetail", { started: format.count(completion.started), submitted: format.count(completion.submitted) })}
        value={format.share(completion?.rate)}
        testId="report-completion"
      >
        <Typography.Text type="secondary" className="report-kpi-detail">
          {completion?.rate == null
            ? t("reports.overview.kpi.completionUnavailable")
            : t("reports.overview.kpi.completionDetail", { started: format.count(completion.started), submitted: format.count(completion.submitted) })}
        </Typography.Text>
      </Kpi>
      {csat ? (
        <Kpi title={t("reports.overview.kpi.csat")} hint={t("reports.overview.kpi.csatHint")} value={format.percent(csat.percent)} testId="report-csat">
          <Typography.Text type="secondary" className="report-kpi-detail">
            {joined(format.interval(csat.lower, csat.upper, 1, "percent"), t("reports.common.n", { count: csat.n }))}
          </Typography.Text>
        </Kpi>
      ) : null}
      {nps ? (
        <Kpi title={t("reports.overview.kpi.nps")} hint={t("reports.overview.kpi.npsHint")} value={format.decimal(nps.nps, 1)} testId="report-nps">
          <Typography.Text type="secondary" className="report-kpi-detail">
            {joined(format.interval(nps.lower, nps.upper, 1), t("reports.common.n", { count: nps.n }))}
          </Typography.Text>
          <NpsBar nps={nps} />
        </Kpi>
      ) : null}
      {ces ? (
        <Kpi
          title={t("reports.overview.kpi.ces")}
          hint={t("reports.overview.kpi.cesHint", { share: format.share(ces.easyShare) })}
          value={format.decimal(ces.mean, 2)}
          testId="report-ces"
        >
          <Typography.Text type="secondary" className="report-kpi-detail">
            {joined(format.interval(ces.lower, ces.upper, 2), t("reports.overview.kpi.cesEasy", { share: format.share(ces.easyShare) }))}
          </Typography.Text>
        </Kpi>
      ) : null}
    </Row>
  );
}
