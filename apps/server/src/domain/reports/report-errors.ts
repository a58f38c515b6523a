/** The errors reports answer with when the survey or its answers cannot give the report asked for. */
import { AppError } from "../app-error.ts";

/** The survey has no indicator system, model, Kano or expectation/perception questions for this report. */
export const reportNotApplicable = (message: string) => new AppError("report.not_applicable", "invalid", message);

/** Fewer usable answers than the method needs; the message says how many there are and how many it needs. */
export const notEnoughAnswers = (count: number, needed: number, what: string) =>
  new AppError(
    "report.not_enough_answers",
    "invalid",
    `${what} needs at least ${needed} complete answers; the filters leave ${count}. Widen the dates or remove a filter.`,
  );
