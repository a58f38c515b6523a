/** How a finished import went: counts on success, the bad rows or the reason on failure. */
import type { ImportJob } from "@kexin/contracts";
import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { ImportErrorsTable } from "./ImportErrorsTable.tsx";

export function ImportResult({ job, onAgain }: { job: ImportJob; onAgain(): void }) {
  const { t } = useTranslation();
  const report = job.report;
  const isSuccess = job.status === "succeeded";
  const summary = report
    ? t("imports.result", { total: report.totalRows, created: report.created, updated: report.updated, skipped: report.skipped })
    : (job.message ?? t("imports.failed"));
  return (
    <Result
      status={isSuccess ? "success" : "error"}
      title={isSuccess ? t("imports.resultTitle") : t("imports.failed")}
      subTitle={<span data-testid="import-result">{summary}</span>}
      extra={<Button onClick={onAgain}>{t("imports.again")}</Button>}
    >
      {report && report.errors.length > 0 && <ImportErrorsTable errors={report.errors} />}
    </Result>
  );
}
