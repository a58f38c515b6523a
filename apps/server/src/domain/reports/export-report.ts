/**
 * A report as an Excel workbook: the report is computed exactly as for the JSON answer and written sheet by sheet
 * (report-sheets.ts), with headers in the reader's language.
 */
import { type ModelQuery, type OverviewQuery, type ReportKind, ReportQuery } from "@kexin/contracts";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { getExpectationReport } from "./get-expectation-report.ts";
import { getIndicatorReport } from "./get-indicator-report.ts";
import { getKanoReport } from "./get-kano-report.ts";
import { getModelReport } from "./get-model-report.ts";
import { getOverviewReport } from "./get-overview-report.ts";
import { getServqualReport } from "./get-servqual-report.ts";
import {
  expectationSheets,
  indicatorSheets,
  kanoSheets,
  modelSheets,
  overviewSheets,
  servqualSheets,
  type Sheet,
} from "./report-sheets.ts";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Every query parameter any report takes; each report reads the ones it knows. */
export type ReportExportInput = z.output<typeof ReportQuery> &
  Pick<z.output<typeof OverviewQuery>, "interval" | "groupBy"> &
  Pick<z.output<typeof ModelQuery>, "resamples" | "seed">;

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const KIND_NAMES: Record<ReportKind, [string, string]> = {
  overview: ["概览", "overview"],
  indicators: ["指标体系", "indicators"],
  model: ["结构模型", "model"],
  kano: ["Kano", "kano"],
  servqual: ["SERVQUAL", "servqual"],
  expectation: ["期望与感知", "expectation"],
};

async function sheetsOf(db: Kysely<DB>, actor: Actor, surveyId: string, kind: ReportKind, input: ReportExportInput, now?: Date): Promise<{ name: string; sheets: Sheet[] }> {
  const args = { db, actor, surveyId, input, now };
  const { locale } = input;
  switch (kind) {
    case "overview": {
      const report = await getOverviewReport(args);
      return { name: report.scope.surveyName, sheets: overviewSheets(report, locale) };
    }
    case "indicators": {
      const report = await getIndicatorReport(args);
      return { name: report.scope.surveyName, sheets: indicatorSheets(report, locale) };
    }
    case "model": {
      const report = await getModelReport(args);
      return { name: report.scope.surveyName, sheets: modelSheets(report, locale) };
    }
    case "kano": {
      const report = await getKanoReport(args);
      return { name: report.scope.surveyName, sheets: kanoSheets(report, locale) };
    }
    case "servqual": {
      const report = await getServqualReport(args);
      return { name: report.scope.surveyName, sheets: servqualSheets(report, locale) };
    }
    case "expectation": {
      const report = await getExpectationReport(args);
      return { name: report.scope.surveyName, sheets: expectationSheets(report, locale) };
    }
  }
}

export async function exportReport({ db, actor, surveyId, kind, input, now }: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  kind: ReportKind;
  input: ReportExportInput;
  now?: Date;
}): Promise<ReportFile> {
  const { name, sheets } = await sheetsOf(db, actor, surveyId, kind, input, now);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kexin";
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31));
    const header = worksheet.addRow(sheet.header);
    header.font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (cell === null ? undefined : cell)));
    worksheet.columns.forEach((column, index) => {
      column.width = Math.min(60, Math.max(10, ...[sheet.header, ...sheet.rows].map((row) => String(row[index] ?? "").length + 2)));
    });
    worksheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  const kindName = KIND_NAMES[kind][input.locale === "en" ? 1 : 0];
  const date = (now ?? new Date()).toISOString().slice(0, 10);
  return { fileName: `${name}-${kindName}-${date}.xlsx`, contentType: XLSX_CONTENT_TYPE, body };
}
