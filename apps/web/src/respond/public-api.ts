/**
 * The public survey API as this page uses it: plain fetch, JSON in and out, every answer reduced to a status,
 * a body and the server's Retry-After. A network failure rejects (TypeError), which the retry logic catches.
 */
import type { RespondRoute } from "./route.ts";

export interface HttpResult {
  status: number;
  body: unknown;
  /** Seconds from a Retry-After header (429, 503), or null. */
  retryAfterSeconds: number | null;
}

/** The server's error body ({error:{code,message,field}}), when the body is one. */
export function errorOf(body: unknown): { code: string; message: string; field: string | null } | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return null;
  const { code, message, field } = error as Record<string, unknown>;
  if (typeof code !== "string") return null;
  return { code, message: typeof message === "string" ? message : code, field: typeof field === "string" ? field : null };
}

async function request(method: "GET" | "POST" | "PUT", path: string, body?: unknown, keepalive = false): Promise<HttpResult> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
    keepalive,
  });
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null; // a proxy's HTML error page: the status says enough
    }
  }
  const retryAfter = Number(response.headers.get("retry-after"));
  return { status: response.status, body: parsed, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null };
}

export function fetchSurvey(route: RespondRoute): Promise<HttpResult> {
  return route.kind === "link"
    ? request("GET", `/api/public/surveys/${encodeURIComponent(route.slug)}`)
    : request("GET", `/api/public/invitations/${encodeURIComponent(route.token)}`);
}

export function fetchDraft(draftKey: string): Promise<HttpResult> {
  return request("GET", `/api/public/drafts/${encodeURIComponent(draftKey)}`);
}

/** keepalive lets the last save finish while the tab is being closed. */
export function putDraft(draftKey: string, body: unknown, keepalive = false): Promise<HttpResult> {
  return request("PUT", `/api/public/drafts/${encodeURIComponent(draftKey)}`, body, keepalive);
}

export function postResponse(body: unknown): Promise<HttpResult> {
  return request("POST", "/api/public/responses", body);
}
