import { QUESTION_TYPES, SurveyDefinition, type Question, type QuestionType } from "@kexin/contracts";
import { describe, expect, it } from "vitest";
import {
  addPage,
  allQuestions,
  createQuestion,
  duplicateQuestion,
  insertQuestion,
  moveQuestion,
  nextQuestionKey,
  questionsBefore,
  removePage,
  removeQuestion,
  replaceQuestion,
  uniqueKey,
  dropStaleTies,
  renameTie,
  type DefaultText,
} from "./definition-edits.ts";
import { checkDefinition, issueFromServer } from "./definition-issues.ts";

const both = (value: string) => ({ "zh-CN": value, en: value });
const text: DefaultText = {
  title: (type) => both(`title of ${type}`),
  item: (name, number) => both(`${name} ${number}`),
  feature: () => both("feature"),
};

function survey(...keysPerPage: string[][]): SurveyDefinition {
  return SurveyDefinition.parse({
    title: { "zh-CN": "测试问卷" },
    languages: ["zh-CN", "en"],
    pages: keysPerPage.map((keys, index) => ({
      key: `page_${index + 1}`,
      questions: keys.map((key) => createQuestion("nps", key, text)),
    })),
  });
}

const keysOf = (definition: SurveyDefinition) => definition.pages.map((page) => page.questions.map((q) => q.key));

describe("createQuestion", () => {
  it.each(QUESTION_TYPES)("makes a %s question the contract accepts", (type: QuestionType) => {
    const definition = insertQuestion(survey([]), 0, createQuestion(type, nextQuestionKey(survey([]), type), text));
    expect(checkDefinition(definition)).toEqual([]);
    const question = allQuestions(definition)[0]!;
    expect(question.type).toBe(type);
    expect(question.title).toEqual(both(`title of ${type}`));
  });
});

describe("keys", () => {
  it("numbers keys after the type and skips the ones in use", () => {
    const definition = survey(["nps_1", "nps_3"]);
    expect(nextQuestionKey(definition, "nps")).toBe("nps_2");
    expect(nextQuestionKey(definition, "expectation_perception")).toBe("gap_1");
  });

  it("keeps long stems within 40 characters", () => {
    const stem = "a".repeat(45);
    expect(uniqueKey(stem, new Set())).toHaveLength(40);
    expect(uniqueKey(stem, new Set())).toMatch(/_1$/);
  });
});

describe("moving and copying", () => {
  it("reorders on a page and moves across pages", () => {
    const definition = survey(["a", "b", "c"], ["d"]);
    expect(keysOf(moveQuestion(definition, "a", 0, 2))).toEqual([["b", "c", "a"], ["d"]]);
    expect(keysOf(moveQuestion(definition, "c", 0, 0))).toEqual([["c", "a", "b"], ["d"]]);
    expect(keysOf(moveQuestion(definition, "b", 1, 0))).toEqual([["a", "c"], ["b", "d"]]);
    expect(keysOf(moveQuestion(definition, "b", 1, 99))).toEqual([["a", "c"], ["d", "b"]]);
    expect(keysOf(moveQuestion(definition, "zzz", 1, 0))).toEqual(keysOf(definition));
  });

  it("duplicates right after the original under a fresh key", () => {
    const { definition, key } = duplicateQuestion(survey(["nps_1", "b"]), "nps_1");
    expect(key).toBe("nps_2");
    expect(keysOf(definition)).toEqual([["nps_1", "nps_2", "b"]]);
    expect(checkDefinition(definition)).toEqual([]);
  });
});

describe("references follow the questions", () => {
  const withLogic = (): SurveyDefinition => {
    const base = survey(["a", "b", "c"]);
    const b = { ...allQuestions(base)[1]!, showIf: [{ question: "a", operator: "lte" as const, value: 6 }] };
    return {
      ...replaceQuestion(base, "b", b),
      closedLoop: [{ when: { kind: "answer", question: "a", operator: "lte", value: 6 }, assignTo: "store", dueInHours: 24 }],
    };
  };

  it("renaming a question renames its conditions and rules", () => {
    const before = withLogic();
    const renamed: Question = { ...allQuestions(before)[0]!, key: "overall" };
    const after = replaceQuestion(before, "a", renamed);
    expect(keysOf(after)).toEqual([["overall", "b", "c"]]);
    expect(allQuestions(after)[1]!.showIf).toEqual([{ question: "overall", operator: "lte", value: 6 }]);
    expect(after.closedLoop[0]!.when.question).toBe("overall");
    expect(checkDefinition(after)).toEqual([]);
  });

  it("deleting a question deletes its conditions and rules", () => {
    const after = removeQuestion(withLogic(), "a");
    expect(allQuestions(after)[0]!.showIf).toBeUndefined();
    expect(after.closedLoop).toEqual([]);
    expect(checkDefinition(after)).toEqual([]);
  });

  it("only earlier questions can be conditions", () => {
    expect(questionsBefore(survey(["a"], ["b", "c"]), "c").map((q) => q.key)).toEqual(["a", "b"]);
    expect(questionsBefore(survey(["a"]), "a")).toEqual([]);
  });

  it("moving a condition's question after it is reported on the question that depends on it", () => {
    const moved = moveQuestion(withLogic(), "a", 0, 2);
    const issues = checkDefinition(moved);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ questionKey: "b", pageIndex: 0, path: "pages.0.questions.0.showIf.0.question" });
  });

  it("clears ties to indicators and constructs that are gone", () => {
    const base = survey(["a"]);
    const tied = replaceQuestion(base, "a", { ...allQuestions(base)[0]!, indicator: "speed", construct: "trust" });
    expect(checkDefinition(tied).map((issue) => issue.path)).toEqual(["pages.0.questions.0.indicator", "pages.0.questions.0.construct"]);
    const cleaned = dropStaleTies(tied);
    expect(allQuestions(cleaned)[0]).not.toHaveProperty("indicator", "speed");
    expect(checkDefinition(cleaned)).toEqual([]);
  });
});

describe("pages", () => {
  it("adds pages with fresh keys and never removes the last one", () => {
    const two = addPage(survey(["a"]));
    expect(two.pages.map((page) => page.key)).toEqual(["page_1", "page_2"]);
    const one = removePage(two, 0);
    expect(one.pages.map((page) => page.key)).toEqual(["page_2"]);
    expect(removePage(one, 0)).toBe(one);
  });
});

describe("issueFromServer", () => {
  it("pins a server field to the question that was sent there", () => {
    const sent = survey(["a"], ["b", "c"]);
    expect(issueFromServer(sent, "definition.pages.1.questions.1.key", "taken")).toEqual({
      path: "pages.1.questions.1.key",
      message: "taken",
      pageIndex: 1,
      questionKey: "c",
    });
    expect(issueFromServer(sent, "name", "too long")).toEqual({ path: "name", message: "too long" });
  });

  it("leaves out the field the server repeats at the start of its message", () => {
    const sent = survey(["a", "b"]);
    expect(issueFromServer(sent, "definition.pages.0.questions.1.key", "definition.pages.0.questions.1.key: question key a is used twice")).toMatchObject({
      questionKey: "b",
      message: "question key a is used twice",
    });
    expect(issueFromServer(sent, "definition.pages", "definition.pages: add at least one question before publishing")).toEqual({
      path: "pages",
      message: "add at least one question before publishing",
    });
  });
});

describe("renameTie", () => {
  it("moves question ties and model paths to the new key", () => {
    const base = survey(["a", "b"]);
    const tied = replaceQuestion(base, "a", { ...allQuestions(base)[0]!, construct: "quality" });
    const withModel: SurveyDefinition = {
      ...tied,
      model: {
        constructs: [
          { key: "quality", title: { en: "Quality" }, mode: "A" },
          { key: "loyalty", title: { en: "Loyalty" }, mode: "A" },
        ],
        paths: [{ from: "quality", to: "loyalty" }],
      },
    };
    const renamed = renameTie(withModel, "construct", "quality", "perceived_quality");
    expect(allQuestions(renamed)[0]!.construct).toBe("perceived_quality");
    expect(allQuestions(renamed)[1]!.construct).toBeUndefined();
    expect(renamed.model!.paths).toEqual([{ from: "perceived_quality", to: "loyalty" }]);
  });
});
