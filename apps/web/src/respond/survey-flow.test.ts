import type { SurveyDefinition } from "@kexin/contracts";
import { describe, expect, it } from "vitest";
import { STRINGS } from "./strings.ts";
import {
  allErrors,
  describeAnswerError,
  keptAnswers,
  nextPageIndex,
  pageErrors,
  pageOfQuestion,
  pageProgress,
  previousPageIndex,
  settlePageIndex,
  shownPages,
  visibleQuestions,
  withAnswer,
} from "./survey-flow.ts";

const t = (zh: string) => ({ "zh-CN": zh });

/** Page 1: CSAT and a pair; page 2 only for unhappy customers (CSAT ≤ 2); page 3: choices and text. */
const definition: Pick<SurveyDefinition, "pages"> = {
  pages: [
    {
      key: "first",
      questions: [
        { key: "overall", type: "csat", points: 5, required: true, title: t("总体满意度") },
        { key: "speed", type: "expectation_perception", points: 7, required: false, title: t("速度") },
      ],
    },
    {
      key: "unhappy",
      questions: [
        {
          key: "what_went_wrong",
          type: "text",
          maxLength: 20,
          multiline: true,
          required: true,
          title: t("哪里没做好？"),
          showIf: [{ question: "overall", operator: "lte", value: 2 }],
        },
      ],
    },
    {
      key: "last",
      questions: [
        {
          key: "channels",
          type: "multiple_choice",
          required: true,
          maxSelections: 2,
          title: t("渠道"),
          options: [
            { key: "store", label: t("门店") },
            { key: "app", label: t("App") },
            { key: "phone", label: t("电话") },
          ],
        },
        { key: "nps", type: "nps", required: false, title: t("推荐"), showIf: [{ question: "channels", operator: "includes", value: "app" }] },
      ],
    },
  ],
};

describe("the path through a survey", () => {
  it("skips a page whose every question the logic hides, both ways", () => {
    const happy = { overall: 5 };
    expect(shownPages(definition, happy)).toEqual([0, 2]);
    expect(nextPageIndex(definition, 0, happy)).toBe(2);
    expect(previousPageIndex(definition, 2, happy)).toBe(0);
    expect(pageProgress(definition, 2, happy)).toEqual({ current: 2, total: 2 });

    const unhappy = { overall: 2 };
    expect(shownPages(definition, unhappy)).toEqual([0, 1, 2]);
    expect(nextPageIndex(definition, 0, unhappy)).toBe(1);
    expect(pageProgress(definition, 1, unhappy)).toEqual({ current: 2, total: 3 });
  });

  it("has no next page after the last shown one and no previous before the first", () => {
    expect(nextPageIndex(definition, 2, {})).toBeNull();
    expect(previousPageIndex(definition, 0, {})).toBeNull();
  });

  it("judges visibility on the answers the server would keep, so an out-of-range answer opens nothing", () => {
    expect(visibleQuestions(definition, 1, { overall: 1 }).map((q) => q.key)).toEqual(["what_went_wrong"]);
    expect(visibleQuestions(definition, 1, { overall: 0 })).toEqual([]);
    expect(visibleQuestions(definition, 2, { channels: ["app"] }).map((q) => q.key)).toEqual(["channels", "nps"]);
    expect(visibleQuestions(definition, 2, { channels: ["store"] }).map((q) => q.key)).toEqual(["channels"]);
  });

  it("settles a resumed page index on a page that is still shown", () => {
    expect(settlePageIndex(definition, 1, { overall: 1 })).toBe(1);
    expect(settlePageIndex(definition, 1, { overall: 5 })).toBe(0);
    expect(settlePageIndex(definition, 2, {})).toBe(2);
  });

  it("finds the page of a question", () => {
    expect(pageOfQuestion(definition, "nps")).toBe(2);
    expect(pageOfQuestion(definition, "nope")).toBeNull();
  });
});

describe("what still needs an answer", () => {
  it("checks only the current page on Next, and only questions the logic shows", () => {
    expect(pageErrors(definition, 0, {}).map((e) => e.question)).toEqual(["overall"]);
    expect(pageErrors(definition, 0, { overall: 4 })).toEqual([]);
    expect(pageErrors(definition, 1, { overall: 4 })).toEqual([]);
    expect(pageErrors(definition, 1, { overall: 1 }).map((e) => e.question)).toEqual(["what_went_wrong"]);
  });

  it("refuses a half-rated pair even when the question is optional", () => {
    expect(pageErrors(definition, 0, { overall: 4, speed: { expectation: 5 } }).map((e) => e.question)).toEqual(["speed"]);
    expect(pageErrors(definition, 0, { overall: 4, speed: { expectation: 5, perception: 4 } })).toEqual([]);
  });

  it("lists every problem of the whole survey before submitting", () => {
    expect(allErrors(definition, { overall: 1 }).map((e) => e.question)).toEqual(["what_went_wrong", "channels"]);
  });

  it("sends only answers the logic still shows", () => {
    const answers = { overall: 5, what_went_wrong: "排队太久", channels: ["store"], nps: 9 };
    expect(keptAnswers(definition, answers)).toEqual({ overall: 5, channels: ["store"] });
  });

  it("tells the respondent what to do, in their language", () => {
    const [first, , last] = definition.pages;
    const speed = first.questions[1];
    const channels = last.questions[0];
    const text = definition.pages[1].questions[0];
    expect(describeAnswerError(first.questions[0], undefined, STRINGS["zh-CN"])).toBe("请回答这道题");
    expect(describeAnswerError(speed, { expectation: 3 }, STRINGS["zh-CN"])).toBe("请为期望和实际感受都打分");
    expect(describeAnswerError(channels, ["store", "app", "phone"], STRINGS.en)).toBe("Choose at most 2");
    expect(describeAnswerError(text, "x".repeat(21), STRINGS["zh-TW"])).toBe("請不要超過 20 個字");
    expect(describeAnswerError(text, "   ", STRINGS.en)).toBe("Please answer this question");
  });
});

describe("withAnswer", () => {
  it("sets an answer without touching the original", () => {
    const before = { overall: 3 };
    const after = withAnswer(before, "nps", 8);
    expect(after).toEqual({ overall: 3, nps: 8 });
    expect(before).toEqual({ overall: 3 });
  });

  it("removes an answer that is emptied", () => {
    expect(withAnswer({ a: "x", b: 1 }, "a", "")).toEqual({ b: 1 });
    expect(withAnswer({ a: ["x"], b: 1 }, "a", [])).toEqual({ b: 1 });
    expect(withAnswer({ a: 1 }, "a", undefined)).toEqual({});
    expect(withAnswer({}, "a", 0)).toEqual({ a: 0 });
  });
});
