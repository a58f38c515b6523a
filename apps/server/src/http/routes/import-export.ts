import {
  CustomerExportQuery, Id, ImportJob, ImportKind, ImportPreview, ImportReport, ImportStarted, ImportUploadFields,
} from "@kexin/contracts";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { invalid } from "../../domain/app-error.ts";
import { exportCustomers } from "../../domain/exports/export-customers.ts";
import { getImport } from "../../domain/imports/get-import.ts";
import { importFile } from "../../domain/imports/import-file.ts";
import { previewImport } from "../../domain/imports/preview-import.ts";
import { startImport } from "../../domain/imports/start-import.ts";
import { defineRoute } from "../route.ts";
import { attachmentDisposition } from "../send-file.ts";

/** The uploaded file and the text fields beside it, in any order. @throws AppError import.file_required. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw invalid("import.file_required", "send the file as multipart/form-data in a field named file", "file");
  const fields: Record<string, string> = {};
  let file: { fileName: string; content: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === "file") file = { fileName: part.filename, content: await part.toBuffer() };
    else fields[part.fieldname] = String(part.value);
  }
  if (!file || file.content.length === 0) throw invalid("import.file_required", "choose a .csv or .xlsx file to import", "file");
  const parsed = ImportUploadFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid("request.invalid", `${issue.path.join(".")}: ${issue.message}`, issue.path.join("."));
  }
  return { ...file, ...parsed.data };
}

const KindParams = z.object({ kind: ImportKind });

export const importExportRoutes = [
  defineRoute({
    method: "POST",
    url: "/api/imports/:kind/preview",
    summary: "Read an uploaded file (multipart field file): its columns, first 5 rows and a suggested mapping",
    tags: ["imports"],
    access: "data.import",
    params: KindParams,
    response: ImportPreview,
    handler: async ({ params, request }) => {
      const { fileName, content } = await readUpload(request);
      return previewImport({ input: { kind: params.kind, fileName, content } });
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/imports/:kind",
    summary:
      "Import a file (multipart: file, mapping as JSON, dryRun true|false). A dry run answers 200 with the report; " +
      "a real import answers 202 {importId}: poll GET /api/imports/:id",
    tags: ["imports"],
    access: "data.import",
    params: KindParams,
    response: z.union([ImportReport, ImportStarted]),
    handler: async ({ db, actor, params, request, reply }) => {
      const { fileName, content, mapping, dryRun } = await readUpload(request);
      const input = { kind: params.kind, fileName, content, mapping };
      if (dryRun) return importFile({ db, actor, input: { ...input, isDryRun: true } });
      reply.status(202);
      return startImport({ db, actor, input });
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/imports/:id",
    summary: "An import's status (running, succeeded, failed), progress and, once finished, its report",
    tags: ["imports"],
    access: "data.import",
    params: z.object({ id: Id }),
    response: ImportJob,
    handler: ({ db, actor, params }) => getImport({ db, actor, input: { id: params.id } }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/exports/customers",
    summary: "Download the customers matching the list filters as CSV (UTF-8 with BOM) or Excel .xlsx",
    tags: ["exports"],
    access: "customer.export",
    query: CustomerExportQuery,
    response: null,
    handler: async ({ db, actor, query, reply }) => {
      const file = await exportCustomers({ db, actor, input: query });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", attachmentDisposition(file.fileName, "customers"))
        .header("cache-control", "no-store")
        .send(file.body);
    },
  }),
];
