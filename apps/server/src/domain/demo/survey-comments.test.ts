import { describe, expect, it } from "vitest";
import { sentimentScore } from "../text/index.ts";
import { commentsOfTone } from "./survey-comments.ts";

describe("the demo's comment phrases", () => {
  // The reports read sentiment from the text; a complaint the analysis takes for praise would make the demo lie.
  it.each([
    ["negative", (score: number) => score < 0],
    ["positive", (score: number) => score > 0],
  ] as const)("read as %s to the text analysis", (tone, agrees) => {
    const misread = commentsOfTone(tone).filter(({ text }) => !agrees(sentimentScore(text)));
    expect(misread).toEqual([]);
  });

  it("are written in the language they are filed under", () => {
    for (const tone of ["negative", "suggestion", "positive"] as const) {
      for (const { language, text } of commentsOfTone(tone)) expect(/[\u4e00-\u9fff]/.test(text)).toBe(language === "zh-CN");
    }
  });
});
