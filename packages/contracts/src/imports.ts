import { z } from "zod";
import { Id } from "./common.ts";
import { CustomerListQuery } from "./customers.ts";

export const ImportKind = z.enum(["customers", "transactions"]);
export type ImportKind = z.infer<typeof ImportKind>;

/** The fields each import fills; a file's columns are mapped onto them. */
export const CUSTOMER_IMPORT_FIELDS = [
  "code", "name", "phone", "email", "gender", "birthday", "city", "company", "wechat", "storeCode", "tags",
] as const;
export const TRANSACTION_IMPORT_FIELDS = [
  "customerCode", "occurredAt", "amount", "cost", "storeCode", "channel", "externalId",
] as const;
export const IMPORT_FIELDS: Record<ImportKind, readonly string[]> = {
  customers: CUSTOMER_IMPORT_FIELDS,
  transactions: TRANSACTION_IMPORT_FIELDS,
};
export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly string[]> = {
  customers: ["name"],
  transactions: ["customerCode", "occurredAt", "amount"],
};

/** target field → source column header in the file. Missing entries fall back to a same-named column. */
export const ImportMapping = z.record(z.string(), z.string());
export type ImportMapping = z.infer<typeof ImportMapping>;

/** One bad row: `line` as in the file (the header is line 1), `field` the import field at fault. */
export const ImportRowError = z.object({
  line: z.number().int(),
  field: z.string().optional(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportReport = z.object({
  kind: ImportKind,
  isDryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** Rows written: created + updated (customers) or created (transactions). 0 on a dry run or when any row is bad. */
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Transactions already in the database (same external id), left alone so a re-import never doubles them. */
  skipped: z.number().int(),
  errors: z.array(ImportRowError),
  columns: z.array(z.string()),
  /** The mapping used (after auto-suggestion for fields the request left unmapped). */
  mapping: ImportMapping,
});
export type ImportReport = z.infer<typeof ImportReport>;

/** POST /api/imports/:kind/preview → the file's header, its first rows and a suggested mapping. */
export const ImportPreview = z.object({
  kind: ImportKind,
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  totalRows: z.number().int(),
  suggestedMapping: ImportMapping,
  fields: z.array(z.object({ name: z.string(), isRequired: z.boolean() })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** Multipart text fields beside the file on POST /api/imports/:kind (mapping is JSON text). */
export const ImportUploadFields = z.object({
  mapping: z
    .string()
    .optional()
    .transform((text, context) => {
      if (!text) return undefined;
      try {
        return ImportMapping.parse(JSON.parse(text));
      } catch {
        context.addIssue({ code: "custom", message: 'mapping must be JSON like {"name": "姓名"}' });
        return z.NEVER;
      }
    }),
  dryRun: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
});
export type ImportUploadFields = z.input<typeof ImportUploadFields>;

/** 202 answer of a real import: poll GET /api/imports/:id. */
export const ImportStarted = z.object({ importId: Id });
export type ImportStarted = z.infer<typeof ImportStarted>;

export const ImportJobStatus = z.enum(["running", "succeeded", "failed"]);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const ImportJob = z.object({
  id: Id,
  kind: ImportKind,
  fileName: z.string(),
  status: ImportJobStatus,
  processedRows: z.number().int(),
  totalRows: z.number().int(),
  /** Present once finished: on "failed" with bad rows it lists them; null when Kexin itself failed. */
  report: ImportReport.nullable(),
  /** Why a job failed without a report (a crash or a restart mid-import). */
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ExportFormat = z.enum(["csv", "xlsx"]);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** GET /api/exports/customers: the archive list's filters plus a format. */
export const CustomerExportQuery = CustomerListQuery.pick({ q: true, storeId: true, tag: true, status: true }).extend({
  format: ExportFormat.default("csv"),
});
export type CustomerExportQuery = z.input<typeof CustomerExportQuery>;

/** Columns of a customer export, in order: the import fields first (so an export imports back), then figures. */
export const CUSTOMER_EXPORT_COLUMNS = [
  ...CUSTOMER_IMPORT_FIELDS,
  "status", "firstPurchaseAt", "lastPurchaseAt", "purchaseCount", "totalSpent",
] as const;
