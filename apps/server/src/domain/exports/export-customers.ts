import { PassThrough, Readable } from "node:stream";
import { CUSTOMER_EXPORT_COLUMNS, type CustomerExportQuery, type ExportFormat } from "@kexin/contracts";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor } from "../auth/actor.ts";
import { iterateExportCustomers, type ExportCustomer } from "./iterate-export-customers.ts";
import { neutralizeFormula } from "./neutralize-formula.ts";

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Readable;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const iso = (value: Date | string | null) => (value === null ? "" : new Date(value).toISOString());

/** One customer as export cells, named like the import fields, so the file imports back as it is. */
function exportRow(customer: ExportCustomer): (string | number)[] {
  return [
    customer.code ?? "", customer.name, customer.phone ?? "", customer.email ?? "", customer.gender,
    customer.birthday ?? "", customer.city ?? "", customer.company ?? "", customer.wechat ?? "",
    customer.store_code ?? "", customer.tags.join(","), customer.status, iso(customer.first_purchase_at),
    iso(customer.last_purchase_at), customer.purchase_count, Number(customer.total_spent),
  ];
}

/**
 * Streams the customers matching the archive filters as CSV (UTF-8 with BOM, so Excel shows Chinese; formula
 * cells neutralised) or .xlsx (cells are typed text, which spreadsheets never evaluate). Read in batches, so
 * memory stays flat at 200k customers. Audited as customer.export when it starts.
 */
export async function exportCustomers({ db, actor, input, today = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  input: CustomerExportQuery & { format: ExportFormat };
  today?: Date;
}): Promise<ExportFile> {
  const { format, ...filters } = input;
  await recordAudit(db, { actor, action: "customer.export", targetType: "customers", details: { format, filters } });
  const batches = iterateExportCustomers(db, actor, filters);
  const body = format === "csv" ? csvStream(batches) : xlsxStream(batches);
  return { fileName: `客户-${today.toISOString().slice(0, 10)}.${format}`, contentType: CONTENT_TYPES[format], body };
}

function csvStream(batches: AsyncGenerator<ExportCustomer[]>): Readable {
  return Readable.from(
    (async function* () {
      yield `\uFEFF${stringify([[...CUSTOMER_EXPORT_COLUMNS]])}`;
      for await (const batch of batches) {
        yield stringify(batch.map((customer) => exportRow(customer).map((cell) => (typeof cell === "string" ? neutralizeFormula(cell) : cell))));
      }
    })(),
  );
}

function xlsxStream(batches: AsyncGenerator<ExportCustomer[]>): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet("customers");
  void (async () => {
    sheet.addRow([...CUSTOMER_EXPORT_COLUMNS]).commit();
    for await (const batch of batches) {
      for (const customer of batch) sheet.addRow(exportRow(customer)).commit();
      // Let the zip stream drain before reading the next batch, so a slow download does not fill memory.
      if (output.readableLength > 8 * 1024 * 1024) await new Promise((resolve) => output.once("drain", resolve));
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => output.destroy(error));
  return output;
}
