/**
 * Survey reports: which reports a survey supports, each report's numbers (all computed on the server by
 * @kexin/analytics) and the same numbers as an Excel workbook.
 */
import {
  ExpectationReport,
  IndicatorReport,
  KanoReport,
  ModelReport,
  OverviewReport,
  ReportMenu,
  ServqualReport,
  SurveyVersionDetail,
  type ModelQuery,
  type OverviewQuery,
  type ReportKind,
  type ReportQuery,
} from "@kexin/contracts";
import { downloadFile, requestJson } from "./client.ts";

const reportsPath = (surveyId: string) => `/api/surveys/${encodeURIComponent(surveyId)}/reports`;

export function getReportMenu(surveyId: string): Promise<ReportMenu> {
  return requestJson(ReportMenu, reportsPath(surveyId));
}

/** One published version as it was asked (the report pages read scale labels and options from it). */
export function getSurveyVersion(surveyId: string, version: number): Promise<SurveyVersionDetail> {
  return requestJson(SurveyVersionDetail, `/api/surveys/${encodeURIComponent(surveyId)}/versions/${version}`);
}

export function getOverviewReport(surveyId: string, query: OverviewQuery): Promise<OverviewReport> {
  return requestJson(OverviewReport, `${reportsPath(surveyId)}/overview`, { query });
}

export function getIndicatorReport(surveyId: string, query: ReportQuery): Promise<IndicatorReport> {
  return requestJson(IndicatorReport, `${reportsPath(surveyId)}/indicators`, { query });
}

export function getModelReport(surveyId: string, query: ModelQuery): Promise<ModelReport> {
  return requestJson(ModelReport, `${reportsPath(surveyId)}/model`, { query });
}

export function getKanoReport(surveyId: string, query: ReportQuery): Promise<KanoReport> {
  return requestJson(KanoReport, `${reportsPath(surveyId)}/kano`, { query });
}

export function getServqualReport(surveyId: string, query: ReportQuery): Promise<ServqualReport> {
  return requestJson(ServqualReport, `${reportsPath(surveyId)}/servqual`, { query });
}

export function getExpectationReport(surveyId: string, query: ReportQuery): Promise<ExpectationReport> {
  return requestJson(ExpectationReport, `${reportsPath(surveyId)}/expectation`, { query });
}

/** Downloads a report as .xlsx with the same filters (and `locale` for its headers) as the page shows. */
export function downloadReportWorkbook(surveyId: string, kind: ReportKind, query: OverviewQuery): Promise<void> {
  return downloadFile(`${reportsPath(surveyId)}/${kind}.xlsx`, `report-${kind}.xlsx`, query);
}
