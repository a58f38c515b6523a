import type { ImportKind, ImportMapping, ImportReport } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { readImportFile } from "./read-import-file.ts";
import { resolveMapping } from "./resolve-mapping.ts";
import { runImport, type ImportProgress } from "./run-import.ts";

/**
 * Imports a CSV or .xlsx file in one go and returns its report: the CLI's path and the HTTP dry run.
 * Unmapped fields are filled from the suggested mapping. The dashboard's real imports go through startImport.
 * @throws AppError for a file that cannot be read or a mapping that does not fit it (no row is then checked).
 */
export async function importFile({ db, actor, input, onProgress }: {
  db: Kysely<DB>;
  actor: Actor;
  input: { kind: ImportKind; fileName: string; content: Buffer; mapping?: ImportMapping; isDryRun: boolean };
  onProgress?: ImportProgress;
}): Promise<ImportReport> {
  const table = await readImportFile(input.content, input.fileName);
  const mapping = resolveMapping(input.kind, table.columns, input.mapping);
  return runImport({ db, actor, input: { ...input, table, mapping }, onProgress });
}
