/** The feedback inbox: list, themes, one item, record, change, import. */
import {
  Feedback,
  FeedbackImportReport,
  FeedbackList,
  FeedbackThemeSummary,
  type FeedbackCreate,
  type FeedbackListQuery,
  type FeedbackThemesQuery,
  type FeedbackUpdate,
} from "@kexin/contracts";
import { requestJson } from "./client.ts";

const feedbackPath = (id: string) => `/api/feedback/${encodeURIComponent(id)}`;

export function listFeedback(query: FeedbackListQuery): Promise<FeedbackList> {
  return requestJson(FeedbackList, "/api/feedback", { query });
}

export function summarizeFeedbackThemes(query: FeedbackThemesQuery): Promise<FeedbackThemeSummary> {
  return requestJson(FeedbackThemeSummary, "/api/feedback/themes", { query });
}

export function getFeedback(id: string): Promise<Feedback> {
  return requestJson(Feedback, feedbackPath(id));
}

export function createFeedback(input: FeedbackCreate): Promise<Feedback> {
  return requestJson(Feedback, "/api/feedback", { method: "POST", body: input });
}

export function updateFeedback(id: string, change: FeedbackUpdate): Promise<Feedback> {
  return requestJson(Feedback, feedbackPath(id), { method: "PATCH", body: change });
}

/** Checks (dryRun) or imports a CSV/.xlsx file; all rows or none. */
export function importFeedback(file: File, isDryRun: boolean): Promise<FeedbackImportReport> {
  const form = new FormData();
  form.append("dryRun", String(isDryRun));
  form.append("file", file, file.name);
  return requestJson(FeedbackImportReport, "/api/feedback/import", { method: "POST", body: form });
}
