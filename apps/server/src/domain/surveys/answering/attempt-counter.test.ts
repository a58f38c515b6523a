import { describe, expect, it } from "vitest";
import { AttemptCounter } from "./attempt-counter.ts";

describe("AttemptCounter", () => {
  it("allows max attempts per key per minute, then refuses with rate_limited until the minute is over", () => {
    const counter = new AttemptCounter(3);
    const start = 1_000_000;
    for (let attempt = 0; attempt < 3; attempt++) counter.hit("token-a", start + attempt);
    expect(() => counter.hit("token-a", start + 10)).toThrow(expect.objectContaining({ code: "rate_limited", kind: "rate_limited" }));
    counter.hit("token-b", start + 10);
    expect(() => counter.hit("token-a", start + 59_999)).toThrow();
    expect(() => counter.hit("token-a", start + 60_000)).not.toThrow();
  });
});
