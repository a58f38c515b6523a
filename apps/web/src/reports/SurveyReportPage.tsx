/**
 * The reports of one survey: a tab per report the survey supports (overview always), the filters every report
 * takes (kept in the address), Excel export of the current report with those filters, and a print layout for
 * print-to-PDF. Every number comes from the server's report API.
 */
import { ArrowLeftOutlined, FileExcelOutlined, PrinterOutlined } from "@ant-design/icons";
import { ReportKind, type SurveyDefinition } from "@kexin/contracts";
import { Alert, App, Button, Space, Tabs, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { listStores } from "../api/admin-api.ts";
import { downloadReportWorkbook, getReportMenu, getSurveyVersion } from "../api/reports-api.ts";
import { getSurvey } from "../api/surveys-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageSpinner } from "../layout/PageSpinner.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { ExpectationReportView } from "./expectation/ExpectationReportView.tsx";
import { IndicatorReportView } from "./indicators/IndicatorReportView.tsx";
import { KanoReportView } from "./kano/KanoReportView.tsx";
import { ModelReportView } from "./model/ModelReportView.tsx";
import { OverviewReportView } from "./overview/OverviewReportView.tsx";
import { ReportFilterBar } from "./ReportFilterBar.tsx";
import { ReportPrintHeader } from "./ReportPrintHeader.tsx";
import { ReportEmpty } from "./ReportState.tsx";
import { readFilters, readOverviewChoices, reportQuery, writeReportParams, type OverviewChoices, type ReportFilters } from "./report-filters.ts";
import { ServqualReportView } from "./servqual/ServqualReportView.tsx";
import "./reports.css";

export default function SurveyReportPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { surveyId = "", reportKind } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const choices = useMemo(() => readOverviewChoices(params), [params]);
  const parsedKind = ReportKind.safeParse(reportKind ?? "overview");
  const kind: ReportKind | null = parsedKind.success ? parsedKind.data : null;

  const survey = useApiData(() => getSurvey(surveyId), [surveyId]);
  const menu = useApiData(() => getReportMenu(surveyId), [surveyId]);
  const stores = useApiData(listStores, []);
  // Scale labels and options come from the newest version read (or the chosen one).
  const newestVersion = filters.version ?? menu.data?.versions.at(-1);
  const version = useApiData(
    () => (newestVersion ? getSurveyVersion(surveyId, newestVersion) : Promise.resolve(null)),
    [surveyId, newestVersion],
  );
  const definition: SurveyDefinition | undefined = version.data?.definition ?? survey.data?.draft;
  const [isExporting, setExporting] = useState(false);

  const changeParams = useCallback(
    (change: Partial<ReportFilters & OverviewChoices>) => setParams((current) => writeReportParams(current, change), { replace: true }),
    [setParams],
  );

  if (survey.error || menu.error) return <Alert type="error" showIcon title={errorText(survey.error ?? menu.error)} />;
  if (!survey.data || !menu.data) return <PageSpinner />;

  const available = menu.data.kinds.filter((entry) => entry.isAvailable).map((entry) => entry.kind);
  const isAvailable = kind !== null && available.includes(kind);
  const search = params.toString();

  const exportWorkbook = async () => {
    if (!kind) return;
    setExporting(true);
    try {
      await downloadReportWorkbook(surveyId, kind, reportQuery(filters, locale, kind === "overview" ? choices : undefined));
    } catch (error) {
      void message.error(t("reports.actions.exportFailed", { message: errorText(error) }));
    } finally {
      setExporting(false);
    }
  };

  const props = { surveyId, filters, definition };
  return (
    <div className="report-page" data-testid="report-page">
      <div className="report-heading">
        <div>
          <Link to="/surveys" className="no-print report-back">
            <ArrowLeftOutlined /> {t("reports.back")}
          </Link>
          <Typography.Title level={3} data-testid="report-survey-name">
            {survey.data.name}
          </Typography.Title>
          <Typography.Text type="secondary" className="no-print">
            {t("reports.title")}
          </Typography.Text>
        </div>
        <Space wrap className="no-print">
          <Button icon={<FileExcelOutlined />} loading={isExporting} disabled={!isAvailable} onClick={() => void exportWorkbook()} data-testid="report-export-xlsx">
            {t("reports.actions.exportExcel")}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="report-print">
            {t("reports.actions.print")}
          </Button>
        </Space>
      </div>
      <Tabs
        className="no-print report-tabs"
        activeKey={kind ?? "overview"}
        onChange={(next) => void navigate({ pathname: `/surveys/${surveyId}/report/${next}`, search })}
        items={available.map((entry) => ({ key: entry, label: <span data-testid={`report-tab-${entry}`}>{t(`reports.kinds.${entry}`)}</span> }))}
      />
      <ReportFilterBar filters={filters} stores={stores.data ?? []} versions={menu.data.versions} onChange={changeParams} />
      {kind ? <ReportPrintHeader kind={kind} filters={filters} stores={stores.data ?? []} /> : null}
      {!isAvailable ? (
        <ReportEmpty problem={{ kind: "not_applicable", message: menu.data.kinds.find((entry) => entry.kind === kind)?.reason ?? String(reportKind) }} />
      ) : kind === "overview" ? (
        <OverviewReportView {...props} choices={choices} onChoices={changeParams} />
      ) : kind === "indicators" ? (
        <IndicatorReportView {...props} />
      ) : kind === "model" ? (
        <ModelReportView {...props} />
      ) : kind === "kano" ? (
        <KanoReportView {...props} />
      ) : kind === "servqual" ? (
        <ServqualReportView {...props} />
      ) : (
        <ExpectationReportView {...props} />
      )}
    </div>
  );
}
