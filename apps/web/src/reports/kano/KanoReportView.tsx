/**
 * The Kano report: each feature's answer pairs counted into M/O/A/I/R/Q, its category with what that means for
 * 基本 (must-be), 期望/绩效 (performance) and 兴奋/激励 (excitement) quality, the better/worse coefficients and the
 * better–worse map. Category names and meanings come from the server in every language.
 */
import type { KanoCategoryCode, KanoReport } from "@kexin/contracts";
import { Card, Descriptions, Table, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { getKanoReport } from "../../api/reports-api.ts";
import { useApiData } from "../../api/useApiData.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { reportQuery } from "../report-filters.ts";
import type { ReportViewProps } from "../report-view.ts";
import { ReportScopeLine } from "../ReportScopeLine.tsx";
import { ReportEmpty, ReportLoad } from "../ReportState.tsx";
import { useReportFormat } from "../useReportFormat.ts";
import { BetterWorseChart, KANO_COLORS } from "./BetterWorseChart.tsx";

const CODES: KanoCategoryCode[] = ["M", "O", "A", "I", "R", "Q"];
type Feature = KanoReport["features"][number];

function Kano({ report }: { report: KanoReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const meaning = (code: KanoCategoryCode) => report.categories.find((category) => category.category === code);
  const categoryTag = (code: KanoCategoryCode) => (
    <Tooltip title={format.text(meaning(code)?.meaning)}>
      <Tag color={KANO_COLORS[code]} className="report-kano-tag">
        {format.text(meaning(code)?.label) || code}
      </Tag>
    </Tooltip>
  );
  if (report.features.length === 0) return <ReportEmpty />;
  return (
    <>
      <ReportScopeLine scope={report.scope} />
      <Card title={t("reports.kano.tableTitle")} className="report-section">
        <Table<Feature>
          size="small"
          pagination={false}
          rowKey="question"
          dataSource={report.features}
          data-testid="report-kano-table"
          className="report-kano-table"
          columns={[
            {
              key: "feature",
              title: t("reports.kano.feature"),
              render: (_, feature) => (
                <Tooltip title={format.text(feature.feature)}>
                  <Typography.Text strong>{format.text(feature.title)}</Typography.Text>
                </Tooltip>
              ),
            },
            { key: "n", title: "n", align: "right", render: (_, feature) => format.count(feature.n) },
            ...CODES.map((code) => ({
              key: code,
              title: (
                <Tooltip title={format.text(meaning(code)?.label)}>
                  <span className="report-kano-code">
                    <b>{code}</b>
                    <small>{t(`reports.kano.codes.${code}`)}</small>
                  </span>
                </Tooltip>
              ),
              align: "right" as const,
              render: (_: unknown, feature: Feature) => {
                const count = feature.counts[code] ?? 0;
                return code === feature.category ? <Typography.Text strong>{format.count(count)}</Typography.Text> : format.count(count);
              },
            })),
            { key: "category", title: t("reports.kano.category"), render: (_, feature) => categoryTag(feature.category) },
            {
              key: "better",
              title: <Tooltip title={t("reports.kano.better")}>Better</Tooltip>,
              align: "right",
              render: (_, feature) => format.decimal(feature.better, 2),
            },
            {
              key: "worse",
              title: <Tooltip title={t("reports.kano.worse")}>Worse</Tooltip>,
              align: "right",
              render: (_, feature) => format.decimal(feature.worse, 2),
            },
            {
              key: "significance",
              title: t("reports.kano.significance"),
              align: "center",
              render: (_, feature) =>
                feature.isSignificant ? (
                  <Tooltip title={t("reports.kano.significantHint")}>
                    <Tag color="green">{t("reports.common.significant")}</Tag>
                  </Tooltip>
                ) : (
                  <Tooltip title={t("reports.kano.notSignificantHint", { runnerUp: `${feature.runnerUp} ${t(`reports.kano.codes.${feature.runnerUp}`)}` })}>
                    <Tag>{t("reports.common.notSignificant")}</Tag>
                  </Tooltip>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t("reports.kano.chartTitle")} className="report-section">
        <Typography.Paragraph type="secondary">{t("reports.kano.chartHint")}</Typography.Paragraph>
        <BetterWorseChart report={report} />
      </Card>
      <Card title={t("reports.kano.meaningsTitle")} className="report-section" data-testid="report-kano-meanings">
        <Descriptions
          column={1}
          size="small"
          bordered
          items={report.categories.map((category) => ({
            key: category.category,
            label: <span className="report-kano-label">{categoryTag(category.category)}</span>,
            children: format.text(category.meaning),
          }))}
        />
      </Card>
    </>
  );
}

export function KanoReportView({ surveyId, filters }: ReportViewProps) {
  const { locale } = useLocale();
  const query = reportQuery(filters, locale);
  const report = useApiData(() => getKanoReport(surveyId, query), [surveyId, JSON.stringify(query)]);
  return <ReportLoad {...report}>{(data) => <Kano report={data} />}</ReportLoad>;
}
