/// <reference types="vite/client" />
/**
 * The respondent page must not pull the dashboard's libraries or zod into its bundle. The lint rule guards the
 * files in this folder; this test also follows the one module it borrows from the dashboard (scale-labels.ts),
 * which another change could make import something heavy.
 */
import { describe, expect, it } from "vitest";

const sources = {
  ...import.meta.glob<string>(["./*.ts", "!./*.test.ts"], { query: "?raw", import: "default", eager: true }),
  ...import.meta.glob<string>("../surveys/scale-labels.ts", { query: "?raw", import: "default", eager: true }),
};

/** Every import of a source that loads code at run time (type-only imports are erased by the compiler). */
function runtimeImports(source: string): string[] {
  const imports: string[] = [];
  for (const match of source.matchAll(/^\s*import\s+(type\s+)?([^;]*?)\s*from\s*"([^"]+)"|^\s*import\s+"([^"]+)"/gm)) {
    if (match[4]) imports.push(match[4]);
    else if (!match[1]) imports.push(match[3]);
  }
  return imports;
}

describe("the respondent page's bundle", () => {
  it("finds the sources it checks", () => {
    expect(Object.keys(sources)).toContain("./respond-app.ts");
    expect(Object.keys(sources)).toContain("../surveys/scale-labels.ts");
  });

  it("imports at run time only its own modules, the shared scale words and the zod-free answer checks", () => {
    const allowed = (specifier: string) =>
      /^\.\/[a-z-]+\.(ts|css)$/.test(specifier) ||
      specifier === "../surveys/scale-labels.ts" ||
      specifier === "@kexin/contracts/survey-answers";
    for (const [path, source] of Object.entries(sources)) {
      const imports = path.startsWith("../surveys/") ? runtimeImports(source) : runtimeImports(source).filter((s) => !allowed(s));
      expect(imports, `${path} imports at run time`).toEqual([]);
    }
  });

  it("recognises a run-time import when it sees one", () => {
    expect(runtimeImports('import { z } from "zod";\nimport type { A } from "@kexin/contracts";\nimport "./x.css";')).toEqual([
      "zod",
      "./x.css",
    ]);
  });
});
