import { describe, expect, it } from "vitest";
import { chooseLanguage, localize, toLocale } from "./language.ts";

describe("toLocale", () => {
  it("maps browser tags onto the three UI languages", () => {
    expect(toLocale("zh-CN")).toBe("zh-CN");
    expect(toLocale("zh")).toBe("zh-CN");
    expect(toLocale("zh-Hans-CN")).toBe("zh-CN");
    expect(toLocale("zh-HK")).toBe("zh-TW");
    expect(toLocale("zh-Hant")).toBe("zh-TW");
    expect(toLocale("EN-gb")).toBe("en");
    expect(toLocale("fr-FR")).toBeNull();
    expect(toLocale(null)).toBeNull();
  });
});

describe("chooseLanguage", () => {
  it("takes ?lang= when the survey offers it", () => {
    expect(chooseLanguage(["zh-CN", "en"], "en", ["zh-CN"])).toBe("en");
  });

  it("ignores a ?lang= the survey does not offer and falls back to the browser's languages", () => {
    expect(chooseLanguage(["zh-CN", "en"], "zh-TW", ["fr", "en-US"])).toBe("en");
  });

  it("falls back to the survey's first language", () => {
    expect(chooseLanguage(["zh-TW", "en"], null, ["de-DE", "zh-CN"])).toBe("zh-TW");
  });
});

describe("localize", () => {
  it("prefers the page's language, then the survey's languages in order", () => {
    expect(localize({ "zh-CN": "你好", en: "Hello" }, "en", ["zh-CN"])).toBe("Hello");
    expect(localize({ "zh-CN": "你好", "zh-TW": "妳好" }, "en", ["zh-TW", "zh-CN"])).toBe("妳好");
    expect(localize({ en: "Hello" }, "zh-CN", ["zh-CN"])).toBe("Hello");
    expect(localize({ "zh-CN": "", en: "Hello" }, "zh-CN", ["zh-CN"])).toBe("Hello");
    expect(localize(undefined, "zh-CN", ["zh-CN"])).toBe("");
  });
});
