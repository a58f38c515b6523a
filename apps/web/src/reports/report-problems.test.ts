import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client.ts";
import { reportProblemOf } from "./report-problems.ts";

describe("reportProblemOf", () => {
  it("reads the counts from a not-enough-answers refusal", () => {
    const error = new ApiError(
      400,
      "report.not_enough_answers",
      "the model report needs at least 40 complete answers; the filters leave 21. Widen the dates or remove a filter.",
    );
    expect(reportProblemOf(error)).toMatchObject({ kind: "not_enough_answers", needed: 40, count: 21 });
  });

  it("still recognises the refusal when its wording changes", () => {
    const problem = reportProblemOf(new ApiError(400, "report.not_enough_answers", "too few answers"));
    expect(problem).toMatchObject({ kind: "not_enough_answers", needed: null, count: null });
  });

  it("maps not-applicable and not-estimable reports to their empty states", () => {
    expect(reportProblemOf(new ApiError(400, "report.not_applicable", "no model"))?.kind).toBe("not_applicable");
    expect(reportProblemOf(new ApiError(400, "report.model_not_estimable", "singular"))?.kind).toBe("not_estimable");
  });

  it("leaves every other error to the error display", () => {
    expect(reportProblemOf(new ApiError(400, "report.invalid_dates", "end before start", "to"))).toBeNull();
    expect(reportProblemOf(new ApiError(404, "survey.not_found", "no such survey"))).toBeNull();
    expect(reportProblemOf(new ApiError(500, "report.not_enough_answers", "odd"))).toBeNull();
    expect(reportProblemOf(new Error("boom"))).toBeNull();
  });
});
