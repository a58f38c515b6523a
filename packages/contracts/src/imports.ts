import { z } from "zod";

export const ImportKind = z.enum(["customers", "transactions"]);
export type ImportKind = z.infer<typeof ImportKind>;

/** The fields each import fills; a file's columns are mapped onto them. */
export const CUSTOMER_IMPORT_FIELDS = [
  "code", "name", "phone", "email", "gender", "birthday", "city", "company", "wechat", "storeCode", "tags",
] as const;
export const TRANSACTION_IMPORT_FIELDS = [
  "customerCode", "occurredAt", "amount", "cost", "storeCode", "channel", "externalId",
] as const;
export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly string[]> = {
  customers: ["name"],
  transactions: ["customerCode", "occurredAt", "amount"],
};

/** target field → source column header in the file. Missing entries fall back to a same-named column. */
export const ImportMapping = z.record(z.string(), z.string());
export type ImportMapping = z.infer<typeof ImportMapping>;

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
  imported: z.number().int(),
  errors: z.array(ImportRowError),
  columns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;
