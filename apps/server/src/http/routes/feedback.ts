/**
 * The feedback inbox (意见反馈). Store scope is checked in every use case: another store's feedback answers 404.
 * `POST /api/feedback` is both the staff entry form and the API integrations post to; a repeated (channel,
 * sourceRef) answers 200 with the stored item instead of 201 with a new one.
 */
import {
  Feedback,
  FeedbackCreate,
  FeedbackImportReport,
  FeedbackList,
  FeedbackListQuery,
  FeedbackThemeSummary,
  FeedbackThemesQuery,
  FeedbackUpdate,
  Id,
  ImportUploadFields,
} from "@kexin/contracts";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { invalid } from "../../domain/app-error.ts";
import { createFeedback } from "../../domain/feedback/create-feedback.ts";
import { getFeedback } from "../../domain/feedback/get-feedback.ts";
import { importFeedback } from "../../domain/feedback/import-feedback.ts";
import { listFeedback } from "../../domain/feedback/list-feedback.ts";
import { summarizeFeedbackThemes } from "../../domain/feedback/summarize-feedback-themes.ts";
import { updateFeedback } from "../../domain/feedback/update-feedback.ts";
import { defineRoute } from "../route.ts";

const FeedbackParams = z.object({ id: Id });
const tags = ["feedback"];

/** The uploaded file and the fields beside it (mapping as JSON, dryRun). @throws AppError import.file_required. */
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

export const feedbackRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/feedback",
    summary: "The inbox: search the text, filter by channel, status, sentiment, store, assignee, customer, dates and theme; newest first",
    tags,
    access: "feedback.read",
    query: FeedbackListQuery,
    response: FeedbackList,
    handler: ({ db, actor, query }) => listFeedback({ db, actor, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/feedback/themes",
    summary: "The most frequent themes of the feedback matching the inbox filters, with counts and average sentiment",
    tags,
    access: "feedback.read",
    query: FeedbackThemesQuery,
    response: FeedbackThemeSummary,
    handler: ({ db, actor, query }) => summarizeFeedbackThemes({ db, actor, input: query }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/feedback",
    summary:
      "Record feedback (staff entry or an integration). The customer is linked by id, phone or email; negative " +
      "feedback from a known customer opens a follow-up task. Answers 201 with the new item, or 200 with the stored one " +
      "when the same channel + sourceRef was posted before",
    tags,
    access: "feedback.write",
    body: FeedbackCreate,
    response: Feedback,
    handler: async ({ db, actor, body, reply }) => {
      const { feedback, isNew } = await createFeedback({ db, actor, input: body });
      // No fixed `status`: 201 for a new item, 200 when this channel + sourceRef was stored before.
      reply.status(isNew ? 201 : 200);
      return feedback;
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/feedback/import",
    summary:
      "Import feedback from CSV or .xlsx (multipart: file, optional mapping as JSON, dryRun true|false). All rows or " +
      "none; a dry run lists every bad row by line and field; rows imported before are skipped",
    tags,
    access: "feedback.write",
    response: FeedbackImportReport,
    handler: async ({ db, actor, request }) => {
      const { fileName, content, mapping, dryRun } = await readUpload(request);
      return importFeedback({ db, actor, input: { fileName, content, mapping, isDryRun: dryRun } });
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/feedback/:id",
    summary: "One feedback item with its whole text and its follow-up task",
    tags,
    access: "feedback.read",
    params: FeedbackParams,
    response: Feedback,
    handler: ({ db, actor, params }) => getFeedback({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/api/feedback/:id",
    summary: "Change status, assignee, store or linked customer; the fields not sent keep their value",
    tags,
    access: "feedback.write",
    params: FeedbackParams,
    body: FeedbackUpdate,
    response: Feedback,
    handler: ({ db, actor, params, body }) => updateFeedback({ db, actor, id: params.id, input: body }),
  }),
];
