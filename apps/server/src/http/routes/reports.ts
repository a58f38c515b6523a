/** Survey reports computed with packages/analytics, and their Excel export. */
import {
  ExpectationReport,
  IndicatorReport,
  KanoReport,
  ModelQuery,
  ModelReport,
  OverviewQuery,
  OverviewReport,
  ReportExportParams,
  ReportMenu,
  ReportParams,
  ReportQuery,
  ServqualReport,
} from "@kexin/contracts";
import { exportReport } from "../../domain/reports/export-report.ts";
import { getExpectationReport } from "../../domain/reports/get-expectation-report.ts";
import { getIndicatorReport } from "../../domain/reports/get-indicator-report.ts";
import { getKanoReport } from "../../domain/reports/get-kano-report.ts";
import { getModelReport } from "../../domain/reports/get-model-report.ts";
import { getOverviewReport } from "../../domain/reports/get-overview-report.ts";
import { getReportMenu } from "../../domain/reports/get-report-menu.ts";
import { getServqualReport } from "../../domain/reports/get-servqual-report.ts";
import { defineRoute } from "../route.ts";
import { attachmentDisposition } from "../send-file.ts";

const tags = ["reports"];
/** The export takes every report's parameters; each report reads its own. */
const ExportQuery = OverviewQuery.extend({ resamples: ModelQuery.shape.resamples, seed: ModelQuery.shape.seed });

export const reportRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/reports",
    summary: "Which reports a survey supports",
    tags,
    access: "report.read",
    params: ReportParams,
    response: ReportMenu,
    handler: ({ db, actor, params }) => getReportMenu({ db, actor, surveyId: params.id }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/reports/overview",
    summary: "Responses, completion, distributions, CSAT/NPS/CES with intervals, trend, breakdown and themes",
    tags,
    access: "report.read",
    params: ReportParams,
    query: OverviewQuery,
    response: OverviewReport,
    handler: ({ db, actor, params, query }) => getOverviewReport({ db, actor, surveyId: params.id, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/reports/indicators",
    summary: "Three-level indicator index, weakest indicators first, importance-performance grid",
    tags,
    access: "report.read",
    params: ReportParams,
    query: ReportQuery,
    response: IndicatorReport,
    handler: ({ db, actor, params, query }) => getIndicatorReport({ db, actor, surveyId: params.id, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/reports/model",
    summary: "PLS path model: coefficients, R², reliability, HTMT, bootstrap intervals, indices and a reading",
    tags,
    access: "report.read",
    params: ReportParams,
    query: ModelQuery,
    response: ModelReport,
    handler: ({ db, actor, params, query }) => getModelReport({ db, actor, surveyId: params.id, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/reports/kano",
    summary: "Kano categories, better/worse coefficients and what they mean",
    tags,
    access: "report.read",
    params: ReportParams,
    query: ReportQuery,
    response: KanoReport,
    handler: ({ db, actor, params, query }) => getKanoReport({ db, actor, surveyId: params.id, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/reports/servqual",
    summary: "SERVQUAL gaps per item and dimension, importance-weighted when asked",
    tags,
    access: "report.read",
    params: ReportParams,
    query: ReportQuery,
    response: ServqualReport,
    handler: ({ db, actor, params, query }) => getServqualReport({ db, actor, surveyId: params.id, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/reports/expectation",
    summary: "Expectation vs perception: c = b/a per respondent, the regular/uncertain/rare split, attribute means",
    tags,
    access: "report.read",
    params: ReportParams,
    query: ReportQuery,
    response: ExpectationReport,
    handler: ({ db, actor, params, query }) => getExpectationReport({ db, actor, surveyId: params.id, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/reports/:kind.xlsx",
    summary: "A report as an Excel workbook (the same numbers as its JSON; Chinese headers for zh-CN and zh-TW)",
    tags,
    access: "report.read",
    params: ReportExportParams,
    query: ExportQuery,
    response: null,
    handler: async ({ db, actor, params, query, reply }) => {
      const file = await exportReport({ db, actor, surveyId: params.id, kind: params.kind, input: query });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", attachmentDisposition(file.fileName, "report"))
        .header("cache-control", "no-store")
        .send(file.body);
    },
  }),
];
