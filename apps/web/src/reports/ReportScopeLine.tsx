/** What a report read: how many answers, which versions, when it was computed, whether it was a sample. */
import type { ReportScope } from "@kexin/contracts";
import { Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../i18n/format.ts";
import { useReportFormat } from "./useReportFormat.ts";

export function ReportScopeLine({ scope, extra }: { scope: ReportScope; extra?: string }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  return (
    <Space wrap size={[12, 4]} className="report-scope">
      <Typography.Text strong data-testid="report-scope-responses">
        {t("reports.scope.responses", { count: scope.responses, formatted: format.count(scope.responses) })}
      </Typography.Text>
      {extra ? <Typography.Text type="secondary">{extra}</Typography.Text> : null}
      {scope.versions.length > 0 ? (
        <Typography.Text type="secondary">{t("reports.scope.versions", { versions: scope.versions.join(", ") })}</Typography.Text>
      ) : null}
      {scope.isSampled && scope.sampleSize !== null ? (
        <Tag color="orange">{t("reports.scope.sampled", { count: scope.sampleSize })}</Tag>
      ) : null}
      <Typography.Text type="secondary">
        {t("reports.scope.generatedAt", { time: formatDateTime(format.locale, scope.generatedAt) })}
      </Typography.Text>
    </Space>
  );
}
