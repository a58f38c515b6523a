/**
 * Sending an answer until the server has it. Every attempt carries the same submission key, so a retry after a
 * lost reply, or a second tap, stores one answer. Free of the DOM and the clock: tests pass `send` and `sleep`.
 */
import { errorOf, type HttpResult } from "./public-api.ts";

export type SubmitOutcome =
  | { kind: "stored"; isDuplicate: boolean }
  /** Refused input: `questionKey` when the server named an answer (field "answers.<key>"). */
  | { kind: "invalid"; questionKey: string | null; message: string }
  | { kind: "already_answered" }
  | { kind: "closed" }
  | { kind: "not_found" }
  | { kind: "rate_limited" }
  /** The network or the server kept failing; the answer may or may not be stored, so keep the key. */
  | { kind: "failed" };

/** Waits before each retry, in ms: 1 s, 2 s, 4 s, 8 s, then give up and let the respondent tap again. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
/** A Retry-After longer than this is not waited out; the respondent is told to try later. */
const LONGEST_WAIT_MS = 30_000;

/** What one reply means; "retry" for answers worth another attempt with the same key. */
export function classifySubmitReply(result: HttpResult): SubmitOutcome | "retry" {
  const { status } = result;
  const error = errorOf(result.body);
  if (status === 200 || status === 201) {
    const body = result.body as { isDuplicate?: unknown } | null;
    return { kind: "stored", isDuplicate: body?.isDuplicate === true };
  }
  if (status === 409) {
    if (error?.code === "invitation.already_answered") return { kind: "already_answered" };
    if (error?.code === "survey.closed") return { kind: "closed" };
    return { kind: "invalid", questionKey: null, message: error?.message ?? "conflict" };
  }
  if (status === 404 || status === 410) return error?.code.endsWith("closed") ? { kind: "closed" } : { kind: "not_found" };
  if (status === 429) return "retry";
  if (status === 408 || status >= 500) return "retry";
  if (status >= 400) {
    const field = error?.field ?? null;
    const questionKey = field?.startsWith("answers.") ? field.slice("answers.".length) : null;
    return { kind: "invalid", questionKey, message: error?.message ?? `HTTP ${status}` };
  }
  return "retry";
}

export interface SubmitOptions {
  send: () => Promise<HttpResult>;
  sleep: (ms: number) => Promise<void>;
  /** Told before each retry (1 for the first), so the page can say it is retrying. */
  onRetry?: (attempt: number) => void;
  delays?: readonly number[];
  /** Jitter in [0, 1): spreads retries of many kiosks after an outage. */
  random?: () => number;
}

/**
 * Sends until the server answers something final or the retries run out.
 * @returns the outcome; "failed" after network errors or 5xx on every attempt, "rate_limited" when 429 persists.
 */
export async function submitWithRetry({ send, sleep, onRetry, delays = RETRY_DELAYS_MS, random = Math.random }: SubmitOptions): Promise<SubmitOutcome> {
  for (let attempt = 0; ; attempt++) {
    let retryAfterMs = 0;
    let lastWasRateLimited = false; // a network error or 5xx: the same key is safe to send again
    try {
      const reply = await send();
      const outcome = classifySubmitReply(reply);
      if (outcome !== "retry") return outcome;
      lastWasRateLimited = reply.status === 429;
      retryAfterMs = (reply.retryAfterSeconds ?? 0) * 1000;
    } catch {
      // offline or the connection dropped: try again with the same key
    }
    if (attempt >= delays.length || retryAfterMs > LONGEST_WAIT_MS) {
      return lastWasRateLimited ? { kind: "rate_limited" } : { kind: "failed" };
    }
    const delay = Math.max(delays[attempt] * (1 + 0.25 * random()), retryAfterMs);
    onRetry?.(attempt + 1);
    await sleep(delay);
  }
}
