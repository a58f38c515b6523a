/**
 * What a report shows instead of its numbers: a skeleton while loading, a friendly empty state when the answers
 * cannot give the report (too few, not applicable, not estimable, none at all), or the error.
 */
import { Alert, Card, Empty, Skeleton, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../layout/useErrorText.ts";
import { reportProblemOf, type ReportProblem } from "./report-problems.ts";

function ProblemText({ problem }: { problem: ReportProblem }) {
  const { t } = useTranslation();
  switch (problem.kind) {
    case "not_enough_answers":
      return (
        <>
          <Typography.Title level={5}>{t("reports.states.notEnoughTitle")}</Typography.Title>
          <Typography.Paragraph>
            {problem.count !== null && problem.needed !== null
              ? t("reports.states.notEnoughCounted", { count: problem.count, needed: problem.needed })
              : t("reports.states.notEnoughGeneric")}{" "}
            {t("reports.states.widen")}
          </Typography.Paragraph>
        </>
      );
    case "not_applicable":
      return (
        <>
          <Typography.Title level={5}>{t("reports.states.notApplicableTitle")}</Typography.Title>
          <Typography.Paragraph>{t("reports.states.notApplicableText")}</Typography.Paragraph>
          <Typography.Text type="secondary">{t("reports.states.serverSays", { message: problem.message })}</Typography.Text>
        </>
      );
    case "not_estimable":
      return (
        <>
          <Typography.Title level={5}>{t("reports.states.notEstimableTitle")}</Typography.Title>
          <Typography.Paragraph>{t("reports.states.notEstimableText")}</Typography.Paragraph>
          <Typography.Text type="secondary">{t("reports.states.serverSays", { message: problem.message })}</Typography.Text>
        </>
      );
  }
}

/** The empty state for a report whose answers cannot give it, or for no answers at all (`problem` omitted). */
export function ReportEmpty({ problem }: { problem?: ReportProblem }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Empty
        data-testid="report-empty"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          problem ? (
            <ProblemText problem={problem} />
          ) : (
            <>
              <Typography.Title level={5}>{t("reports.states.noAnswersTitle")}</Typography.Title>
              <Typography.Paragraph>{t("reports.states.noAnswersText")}</Typography.Paragraph>
            </>
          )
        }
      />
    </Card>
  );
}

/** Renders `children(data)` once loaded; the loading, empty and error states otherwise. */
export function ReportLoad<T>({ data, error, isLoading, children }: {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  children: (data: T) => ReactNode;
}) {
  const errorText = useErrorText();
  if (error && !isLoading) {
    const problem = reportProblemOf(error);
    return problem ? <ReportEmpty problem={problem} /> : <Alert type="error" showIcon title={errorText(error)} />;
  }
  if (!data || (isLoading && error)) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  return <div className={isLoading ? "report-body is-refreshing" : "report-body"}>{children(data)}</div>;
}
