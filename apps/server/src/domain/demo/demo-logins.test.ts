import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_LOGINS, DEMO_STORES, demoLoginsMarkdown } from "./demo-logins.ts";

describe("demo logins", () => {
  it("are documented in the README exactly as seeded", () => {
    const readme = readFileSync(new URL("../../../../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(demoLoginsMarkdown());
  });

  it("cover every role, with unique emails and known store codes", () => {
    expect(new Set(DEMO_LOGINS.map((login) => login.role))).toEqual(new Set(["admin", "manager", "store_manager", "agent"]));
    expect(new Set(DEMO_LOGINS.map((login) => login.email)).size).toBe(DEMO_LOGINS.length);
    const codes = DEMO_STORES.map((store) => store.code);
    for (const login of DEMO_LOGINS) for (const code of login.storeCodes) expect(codes).toContain(code);
  });
});
