import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportKind, type ImportPreview } from "@kexin/contracts";
import { readImportFile } from "./read-import-file.ts";
import { suggestMapping } from "./suggest-mapping.ts";

export const PREVIEW_ROWS = 5;

/**
 * What the mapping screen shows: the file's columns, its first rows, how many rows it has and the suggested
 * mapping. Nothing is checked against the database yet.
 * @throws AppError import.* for a file that cannot be read.
 */
export async function previewImport({ input }: { input: { kind: ImportKind; fileName: string; content: Buffer } }): Promise<ImportPreview> {
  const table = await readImportFile(input.content, input.fileName);
  return {
    kind: input.kind,
    columns: table.columns,
    rows: table.rows.slice(0, PREVIEW_ROWS).map((row) => table.columns.map((_, i) => row.values[i] ?? "")),
    totalRows: table.rows.length,
    suggestedMapping: suggestMapping(input.kind, table.columns),
    fields: IMPORT_FIELDS[input.kind].map((name) => ({ name, isRequired: REQUIRED_IMPORT_FIELDS[input.kind].includes(name) })),
  };
}
