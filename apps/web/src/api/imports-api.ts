/** Imports: read a file for a preview, dry-run or start an import, and follow its progress. */
import {
  ImportJob,
  ImportPreview,
  ImportReport,
  ImportStarted,
  type ImportKind,
  type ImportMapping,
} from "@kexin/contracts";
import { requestJson } from "./client.ts";

function upload(file: File, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  // Text fields first so the server has the mapping before the (possibly large) file streams in.
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", file, file.name);
  return form;
}

/** The file's columns, first rows and the server's suggested mapping. */
export function previewImport(kind: ImportKind, file: File): Promise<ImportPreview> {
  return requestJson(ImportPreview, `/api/imports/${kind}/preview`, { method: "POST", body: upload(file) });
}

/** Checks every row and writes nothing; the report lists each bad row. */
export function dryRunImport(kind: ImportKind, file: File, mapping: ImportMapping): Promise<ImportReport> {
  return requestJson(ImportReport, `/api/imports/${kind}`, {
    method: "POST",
    body: upload(file, { mapping: JSON.stringify(mapping), dryRun: "true" }),
  });
}

/** Starts a real import in the background; follow it with getImportJob. */
export async function startImport(kind: ImportKind, file: File, mapping: ImportMapping): Promise<string> {
  const started = await requestJson(ImportStarted, `/api/imports/${kind}`, {
    method: "POST",
    body: upload(file, { mapping: JSON.stringify(mapping), dryRun: "false" }),
  });
  return started.importId;
}

export function getImportJob(id: string): Promise<ImportJob> {
  return requestJson(ImportJob, `/api/imports/${encodeURIComponent(id)}`);
}
