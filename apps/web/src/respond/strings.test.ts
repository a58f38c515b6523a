import { describe, expect, it } from "vitest";
import { fill, LANGUAGE_NAMES, STRINGS } from "./strings.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the respondent page's strings", () => {
  it("say everything in all three languages, with the same placeholders", () => {
    const keys = Object.keys(STRINGS["zh-CN"]).sort();
    for (const locale of ["en", "zh-TW"] as const) {
      expect(Object.keys(STRINGS[locale]).sort()).toEqual(keys);
      for (const key of keys) {
        const reference = STRINGS["zh-CN"][key as keyof (typeof STRINGS)["zh-CN"]];
        const translated = STRINGS[locale][key as keyof (typeof STRINGS)["zh-CN"]];
        expect(translated.length, `${locale}.${key}`).toBeGreaterThan(0);
        expect(placeholders(translated), `${locale}.${key}`).toEqual(placeholders(reference));
      }
    }
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual(["en", "zh-CN", "zh-TW"]);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill(STRINGS["zh-CN"].progress, { current: 2, total: 5 })).toBe("第 2 页，共 5 页");
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});
