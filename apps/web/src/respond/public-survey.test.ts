import { describe, expect, it } from "vitest";
import { classifySurveyReply, readPublicSurvey } from "./public-survey.ts";

const body = (definition: unknown, extra: object = {}) => ({ surveyId: "s-1", version: 3, definition, isKiosk: false, invitation: null, ...extra });
const definition = (questions: unknown[]) => ({ title: { "zh-CN": "问卷" }, languages: ["zh-CN"], pages: [{ key: "p", questions }] });

describe("readPublicSurvey", () => {
  it("fills in the schema's defaults a stored definition may omit", () => {
    const survey = readPublicSurvey(
      body(
        definition([
          { key: "a", type: "csat", title: { "zh-CN": "满意吗" } },
          { key: "b", type: "ces", title: { "zh-CN": "省力吗" }, required: false },
          { key: "c", type: "text", title: { "zh-CN": "建议" } },
          { key: "d", type: "matrix", points: 5, rows: [], title: { "zh-CN": "矩阵" } },
        ]),
      ),
    );
    const [a, b, c, d] = survey!.definition.pages[0].questions;
    expect(a).toMatchObject({ required: true, points: 5 });
    expect(b).toMatchObject({ required: false, points: 7 });
    expect(c).toMatchObject({ maxLength: 1000, multiline: true });
    expect(d).toMatchObject({ labels: "satisfaction" });
  });

  it("reads the kiosk flag and the invitation", () => {
    const survey = readPublicSurvey(body(definition([]), { isKiosk: true, invitation: { isAnswered: true } }));
    expect(survey).toMatchObject({ surveyId: "s-1", version: 3, isKiosk: true, invitation: { isAnswered: true } });
  });

  it("refuses bodies that are not a survey", () => {
    expect(readPublicSurvey(null)).toBeNull();
    expect(readPublicSurvey("<html>")).toBeNull();
    expect(readPublicSurvey({ error: { code: "survey.not_found" } })).toBeNull();
    expect(readPublicSurvey(body({ title: { "zh-CN": "x" }, languages: [], pages: [] }))).toBeNull();
    expect(readPublicSurvey(body({ title: { "zh-CN": "x" }, languages: ["zh-CN"], pages: [{ key: "p" }] }))).toBeNull();
  });
});

describe("classifySurveyReply", () => {
  it("shows the survey, or says why not and whether retrying can help", () => {
    expect(classifySurveyReply(200, body(definition([])))).toMatchObject({ kind: "survey" });
    expect(classifySurveyReply(200, "<html>")).toEqual({ kind: "loadFailed", canRetry: true });
    expect(classifySurveyReply(404, { error: { code: "survey.not_found" } })).toEqual({ kind: "notFound", canRetry: false });
    expect(classifySurveyReply(409, { error: { code: "survey.closed" } })).toEqual({ kind: "closed", canRetry: false });
    expect(classifySurveyReply(429, { error: { code: "rate_limited" } })).toEqual({ kind: "rateLimited", canRetry: true });
    expect(classifySurveyReply(502, null)).toEqual({ kind: "loadFailed", canRetry: true });
  });
});
