import { describe, expect, it } from "vitest";
import type { HttpResult } from "./public-api.ts";
import { classifySubmitReply, RETRY_DELAYS_MS, submitWithRetry } from "./submission.ts";

const reply = (status: number, body: unknown = null, retryAfterSeconds: number | null = null): HttpResult => ({ status, body, retryAfterSeconds });
const error = (code: string, field?: string) => ({ error: { code, message: `message of ${code}`, field } });

describe("classifySubmitReply", () => {
  it("counts 201 and a duplicate's 200 as stored", () => {
    expect(classifySubmitReply(reply(201, { responseId: "r", isDuplicate: false }))).toEqual({ kind: "stored", isDuplicate: false });
    expect(classifySubmitReply(reply(200, { responseId: "r", isDuplicate: true }))).toEqual({ kind: "stored", isDuplicate: true });
  });

  it("tells an answered invitation from a closed survey", () => {
    expect(classifySubmitReply(reply(409, error("invitation.already_answered")))).toEqual({ kind: "already_answered" });
    expect(classifySubmitReply(reply(409, error("survey.closed")))).toEqual({ kind: "closed" });
    expect(classifySubmitReply(reply(404, error("survey_link.not_found")))).toEqual({ kind: "not_found" });
  });

  it("names the question of a refused answer", () => {
    expect(classifySubmitReply(reply(400, error("response.invalid_answer", "answers.overall")))).toEqual({
      kind: "invalid",
      questionKey: "overall",
      message: "message of response.invalid_answer",
    });
    expect(classifySubmitReply(reply(400, error("validation.failed", "language")))).toMatchObject({ kind: "invalid", questionKey: null });
    expect(classifySubmitReply(reply(413, null))).toMatchObject({ kind: "invalid", questionKey: null, message: "HTTP 413" });
  });

  it("retries server errors, timeouts and rate limits", () => {
    for (const status of [500, 502, 503, 408, 429]) expect(classifySubmitReply(reply(status))).toBe("retry");
  });
});

describe("submitWithRetry", () => {
  const run = (replies: (HttpResult | Error)[]) => {
    const sleeps: number[] = [];
    const retries: number[] = [];
    let calls = 0;
    const outcome = submitWithRetry({
      send: async () => {
        const next = replies[Math.min(calls++, replies.length - 1)];
        if (next instanceof Error) throw next;
        return next;
      },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onRetry: (attempt) => retries.push(attempt),
      random: () => 0,
    });
    return outcome.then((result) => ({ result, sleeps, retries, calls }));
  };

  it("sends again after network errors and stops at the first stored reply", async () => {
    const { result, sleeps, retries, calls } = await run([new TypeError("Failed to fetch"), reply(503), reply(201, { isDuplicate: true })]);
    expect(result).toEqual({ kind: "stored", isDuplicate: true });
    expect(calls).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(retries).toEqual([1, 2]);
  });

  it("gives up as failed after the last delay, having tried once more than there are delays", async () => {
    const { result, sleeps, calls } = await run([new TypeError("offline")]);
    expect(result).toEqual({ kind: "failed" });
    expect(calls).toBe(RETRY_DELAYS_MS.length + 1);
    expect(sleeps).toEqual(RETRY_DELAYS_MS);
  });

  it("never retries a refused answer", async () => {
    const { result, calls } = await run([reply(400, error("response.invalid_answer", "answers.nps"))]);
    expect(result).toMatchObject({ kind: "invalid", questionKey: "nps" });
    expect(calls).toBe(1);
  });

  it("waits out a short Retry-After and reports a lasting rate limit", async () => {
    const { result, sleeps } = await run([reply(429, error("rate_limited"), 5)]);
    expect(result).toEqual({ kind: "rate_limited" });
    expect(sleeps).toEqual([5000, 5000, 5000, 8000]);
  });

  it("does not wait out a long Retry-After", async () => {
    const { result, calls, sleeps } = await run([reply(429, error("rate_limited"), 120)]);
    expect(result).toEqual({ kind: "rate_limited" });
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("spreads retries with jitter of at most a quarter", async () => {
    const sleeps: number[] = [];
    await submitWithRetry({
      send: async () => reply(500),
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.999,
      delays: [1000],
    });
    expect(sleeps[0]).toBeGreaterThan(1200);
    expect(sleeps[0]).toBeLessThan(1250);
  });
});
