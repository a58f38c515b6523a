import { describe, expect, it } from "vitest";
import { extractThemes, themeTerms } from "./extract-themes.ts";
import { detectLanguage, tokenize } from "./tokenize.ts";

const QUEUE_COMPLAINTS = [
  "排队太久了",
  "结账排队排了半小时",
  "收银台只开一个，排队的人很多",
  "周末排队太严重，希望多开几个收银台",
  "排队等了二十分钟，服务员态度也差",
];

describe("extractThemes", () => {
  it("puts what most complaints are about first", () => {
    const themes = extractThemes(QUEUE_COMPLAINTS, 5);
    expect(themes[0]).toMatchObject({ term: "排队", count: 5 });
    expect(themes.map((theme) => theme.term)).toContain("收银台");
    expect(themes.find((theme) => theme.term === "收银台")?.count).toBe(2);
  });

  it("never offers stop words, pronouns, times or counts as themes", () => {
    const terms = extractThemes(QUEUE_COMPLAINTS, 50).map((theme) => theme.term);
    for (const noise of ["了", "的", "我", "很", "太", "一个", "希望", "二十分钟", "半小时"]) expect(terms).not.toContain(noise);
  });

  it("keeps a negated word whole and drops intensifiers, so the same complaint reads the same", () => {
    expect(themeTerms("店员不热情")).toEqual(["店员", "不热情"]);
    expect(themeTerms("价格太贵了")).toEqual(["价格", "贵"]);
    expect(themeTerms("有点贵")).toEqual(["贵"]);
    expect(themeTerms("staff not friendly")).toEqual(["staff", "not friendly"]);
  });

  it("finds English themes, lower-cased and singular", () => {
    const themes = extractThemes(["The queue was long", "Long queues at checkout", "Checkout staff were rude", "Rude cashier, slow checkout"], 4);
    expect(themes[0]).toMatchObject({ term: "checkout", count: 3 });
    expect(themes.map((theme) => theme.term)).toEqual(expect.arrayContaining(["queue", "rude"]));
    expect(themes.map((theme) => theme.term)).not.toContain("the");
  });

  it("is deterministic, weighs by TF-IDF and respects the limit", () => {
    const first = extractThemes(QUEUE_COMPLAINTS, 3);
    expect(extractThemes([...QUEUE_COMPLAINTS], 3)).toEqual(first);
    expect(first).toHaveLength(3);
    for (const theme of first) expect(theme.weight).toBeGreaterThan(0);
    // Ties on count are broken by weight, highest first.
    const ones = extractThemes(QUEUE_COMPLAINTS, 50).filter((theme) => theme.count === 1);
    for (let i = 1; i < ones.length; i++) expect(ones[i - 1].weight).toBeGreaterThanOrEqual(ones[i].weight);
    expect(extractThemes([], 5)).toEqual([]);
    expect(extractThemes(["！！！", "   "], 5)).toEqual([]);
    expect(extractThemes(QUEUE_COMPLAINTS, 0)).toEqual([]);
  });
});

describe("tokenize and detectLanguage", () => {
  it("splits mixed text into Chinese words, English words and breaks", () => {
    expect(tokenize("收银台，but SLOW!").map((token) => `${token.kind}:${token.text}`)).toEqual([
      "zh:收银台", "clause:,", "en:but", "en:slow", "sentence:!",
    ]);
    expect(tokenize("don’t").map((token) => token.text)).toEqual(["don't"]);
  });

  it("tells Chinese from English", () => {
    expect(detectLanguage("排队太久")).toBe("zh");
    expect(detectLanguage("The queue was long")).toBe("en");
    expect(detectLanguage("App 很好用")).toBe("zh");
    expect(detectLanguage("12345 !!")).toBe("und");
  });
});
