/**
 * The one way the dashboard talks to the server: same-origin fetch with the session cookie, JSON in and out,
 * responses checked against the shared contracts, and every failure turned into an `ApiError` with the server's
 * code, message and (for bad input) the field at fault.
 */
import { ErrorBody } from "@kexin/contracts";
import type { z } from "zod";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

/** Query parameters; only strings, numbers and booleans are sent, blanks are left out. */
export type Query = { readonly [key: string]: unknown };

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Query;
  /** A plain value is sent as JSON; FormData is sent as multipart. */
  body?: unknown;
  signal?: AbortSignal;
}

/** Listeners told when any request comes back 401, so the app can return to the sign-in page. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const isSendable = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    if (isSendable && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", "the server cannot be reached; check your connection and try again");
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  if (response.status === 401) unauthenticatedListeners.forEach((listener) => listener());
  const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
  if (parsed.success) {
    const { code, message, field } = parsed.data.error;
    return new ApiError(response.status, code, message, field);
  }
  return new ApiError(response.status, `http.${response.status}`, response.statusText || "request failed");
}

/** A request whose JSON response is checked against `schema`; a mismatch is a bug, reported as such. */
export async function requestJson<S extends z.ZodType>(
  schema: S,
  path: string,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send(path, options);
  const json: unknown = await response.json();
  const result = schema.safeParse(json);
  if (!result.success) {
    console.error(`unexpected response from ${path}`, result.error.issues);
    throw new ApiError(response.status, "response.invalid", "the server sent an answer this page does not understand");
  }
  return result.data;
}

/** A request whose answer carries no body we need (204 or an acknowledgement). */
export async function requestVoid(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

/** Fetches a file and hands it to the browser as a download. */
export async function downloadFile(path: string, fallbackName: string, query?: Query): Promise<void> {
  const response = await send(path, { query });
  const disposition = response.headers.get("content-disposition") ?? "";
  // Prefer the UTF-8 name (RFC 6266) wherever it stands: the plain filename= beside it is an ASCII fallback.
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : fallbackName;
  saveBlob(await response.blob(), name);
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
