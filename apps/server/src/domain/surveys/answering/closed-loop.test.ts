import { SurveyDefinition, type SurveyDefinitionInput } from "@kexin/contracts";
import { describe, expect, it, vi } from "vitest";
import { evaluateClosedLoop, followUpTitle } from "./closed-loop.ts";

const definition = (closedLoop: SurveyDefinitionInput["closedLoop"], languages: SurveyDefinitionInput["languages"] = ["zh-CN"]) =>
  SurveyDefinition.parse({
    title: { "zh-CN": "满意度" },
    languages,
    pages: [
      {
        key: "p",
        questions: [
          { key: "nps", type: "nps", title: { "zh-CN": "推荐" } },
          { key: "speed", type: "likert", points: 5, title: { "zh-CN": "结账速度", en: "Checkout speed" } },
          { key: "channel", type: "single_choice", title: { "zh-CN": "渠道" }, options: [{ key: "shop", label: { "zh-CN": "门店" } }, { key: "app", label: { "zh-CN": "应用" } }] },
          { key: "comment", type: "text", required: false, title: { "zh-CN": "意见" } },
        ],
      },
    ],
    closedLoop,
  });

describe("evaluateClosedLoop", () => {
  const rules = definition([
    { when: { kind: "answer", question: "nps", operator: "lte", value: 6 } },
    { when: { kind: "answer", question: "speed", operator: "equals", value: 1 } },
    { when: { kind: "answer", question: "nps", operator: "gte", value: 10 }, assignTo: "store" },
  ]);

  it.each([
    [{ nps: 6, speed: 3 }, [0]],
    [{ nps: 7, speed: 3 }, []],
    [{ nps: 0, speed: 1 }, [0, 1]],
    [{ nps: 10, speed: 2 }, [2]],
    [{ speed: 1 }, [1]],
  ])("fires the matching rules for %j", (answers, expected) => {
    expect(evaluateClosedLoop(rules, answers).map((fired) => fired.ruleIndex)).toEqual(expected);
  });

  it("matches answer rules on numbers only", () => {
    const onChoice = definition([{ when: { kind: "answer", question: "channel", operator: "equals", value: 0 } }]);
    expect(evaluateClosedLoop(onChoice, { channel: "shop" })).toEqual([]);
  });

  it("fires a negative-text rule when the scorer says the text is negative, not for empty text", () => {
    const negative = definition([{ when: { kind: "negative_text", question: "comment" } }]);
    const sentiment = vi.fn((text: string) => (text.includes("bad") ? -0.5 : 0.4));
    expect(evaluateClosedLoop(negative, { comment: "bad queue" }, { sentiment })).toHaveLength(1);
    expect(evaluateClosedLoop(negative, { comment: "fine" }, { sentiment })).toHaveLength(0);
    expect(evaluateClosedLoop(negative, { comment: "   " }, { sentiment })).toHaveLength(0);
    expect(sentiment).toHaveBeenCalledTimes(2);
  });

  it("skips a rule whose scorer fails, says so, and still evaluates the others", () => {
    const mixed = definition([
      { when: { kind: "negative_text", question: "comment" } },
      { when: { kind: "answer", question: "nps", operator: "lte", value: 6 } },
    ]);
    const onRuleError = vi.fn();
    const fired = evaluateClosedLoop(mixed, { nps: 2, comment: "x" }, {
      sentiment: () => {
        throw new Error("scorer not ready");
      },
      onRuleError,
    });
    expect(fired.map((rule) => rule.ruleIndex)).toEqual([1]);
    expect(onRuleError).toHaveBeenCalledWith(0, expect.any(Error));
  });
});

describe("followUpTitle", () => {
  it("names scores by abbreviation and other questions by title, in the given language", () => {
    const survey = definition([
      { when: { kind: "answer", question: "nps", operator: "lte", value: 6 } },
      { when: { kind: "answer", question: "speed", operator: "lte", value: 2 } },
      { when: { kind: "negative_text", question: "comment" } },
    ]);
    const fired = evaluateClosedLoop(survey, { nps: 3, speed: 1, comment: "差" }, { sentiment: () => -1 });
    expect(fired.map((item) => followUpTitle(item, "zh-CN"))).toEqual(["NPS 3 — 跟进", "结账速度 1 — 跟进", "负面意见 — 跟进"]);
    expect(fired.map((item) => followUpTitle(item, "en"))).toEqual(["NPS 3 — follow up", "Checkout speed 1 — follow up", "Negative comment — follow up"]);
    expect(followUpTitle(fired[0], "zh-TW")).toBe("NPS 3 — 跟進");
  });
});
