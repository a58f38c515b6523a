/**
 * The answers a report can refuse with that are not faults: too few answers for the method, a report that does not
 * apply to the survey, a model the answers cannot identify. The page shows these as a friendly empty state; any
 * other error is a real error.
 */
import { ApiError } from "../api/client.ts";

export type ReportProblem =
  | { kind: "not_enough_answers"; count: number | null; needed: number | null; message: string }
  | { kind: "not_applicable"; message: string }
  | { kind: "not_estimable"; message: string };

/** The server words it "… needs at least 30 complete answers; the filters leave 12. …" (report-errors.ts). */
const COUNTS = /needs at least (\d+)\b.*?\bleave (\d+)\b/;

export function reportProblemOf(error: unknown): ReportProblem | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  switch (error.code) {
    case "report.not_enough_answers": {
      const match = COUNTS.exec(error.message);
      return {
        kind: "not_enough_answers",
        needed: match ? Number(match[1]) : null,
        count: match ? Number(match[2]) : null,
        message: error.message,
      };
    }
    case "report.not_applicable":
      return { kind: "not_applicable", message: error.message };
    case "report.model_not_estimable":
      return { kind: "not_estimable", message: error.message };
    default:
      return null;
  }
}
