import { describe, expect, it } from "vitest";
import { newUuid } from "./uuid.ts";

describe("newUuid", () => {
  it("makes a version-4 UUID of the given random bytes", () => {
    expect(newUuid((bytes) => bytes.fill(0xff))).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(newUuid((bytes) => bytes.fill(0))).toBe("00000000-0000-4000-8000-000000000000");
  });

  it("differs from call to call with the platform's randomness", () => {
    const made = new Set(Array.from({ length: 100 }, () => newUuid()));
    expect(made.size).toBe(100);
    for (const uuid of made) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
