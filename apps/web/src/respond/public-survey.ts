/**
 * Reading the server's PublicSurvey without zod (which would triple this page's weight): a shape check of what the
 * page relies on, and the schema's defaults filled in so a stored definition that omits them still renders.
 */
import type { PublicSurvey, Question, SurveyDefinition } from "@kexin/contracts";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The defaults of definition.ts's Question schema (z.input → z.output), applied by hand. */
function withDefaults(question: Question): Question {
  const q = { ...question, required: question.required ?? true } as Question & Record<string, unknown>;
  switch (q.type) {
    case "likert":
    case "matrix":
      return { ...q, labels: q.labels ?? "satisfaction" };
    case "csat":
      return { ...q, points: q.points ?? 5 };
    case "ces":
      return { ...q, points: q.points ?? 7 };
    case "expectation_perception":
      return { ...q, points: q.points ?? 7 };
    case "importance":
    case "competitor":
      return { ...q, points: q.points ?? 5 };
    case "text":
      return { ...q, maxLength: q.maxLength ?? 1000, multiline: q.multiline ?? true };
    default:
      return q;
  }
}

/**
 * The survey the page can show, or null when the body is not one (a proxy's error page, a truncated answer).
 * @example readPublicSurvey(await response.json())?.definition.pages.length
 */
export function readPublicSurvey(body: unknown): PublicSurvey | null {
  if (!isRecord(body) || typeof body.version !== "number" || typeof body.surveyId !== "string") return null;
  const definition = body.definition;
  if (!isRecord(definition) || !Array.isArray(definition.pages) || !Array.isArray(definition.languages)) return null;
  if (definition.languages.length === 0 || !isRecord(definition.title)) return null;
  const pages = definition.pages as unknown[];
  if (!pages.every((page) => isRecord(page) && Array.isArray(page.questions))) return null;
  const normalized = {
    ...(definition as unknown as SurveyDefinition),
    pages: (definition as unknown as SurveyDefinition).pages.map((page) => ({
      ...page,
      questions: page.questions.filter((question) => isRecord(question) && typeof question.key === "string").map(withDefaults),
    })),
  };
  const invitation = isRecord(body.invitation) ? { isAnswered: body.invitation.isAnswered === true } : null;
  return {
    surveyId: body.surveyId,
    version: body.version,
    definition: normalized,
    isKiosk: body.isKiosk === true,
    invitation,
  };
}

/** What the page shows for the reply to GET /api/public/surveys/:slug or /invitations/:token. */
export type SurveyLoad =
  | { kind: "survey"; survey: PublicSurvey }
  | { kind: "notFound" | "closed" | "rateLimited" | "loadFailed"; canRetry: boolean };

export function classifySurveyReply(status: number, body: unknown): SurveyLoad {
  const survey = status === 200 ? readPublicSurvey(body) : null;
  if (survey) return { kind: "survey", survey };
  const code = isRecord(body) && isRecord(body.error) && typeof body.error.code === "string" ? body.error.code : "";
  if (code.endsWith("closed") || status === 410) return { kind: "closed", canRetry: false };
  if (status === 404) return { kind: "notFound", canRetry: false };
  if (status === 429) return { kind: "rateLimited", canRetry: true };
  return { kind: "loadFailed", canRetry: true };
}
