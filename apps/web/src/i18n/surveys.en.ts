/** English for the surveys pages. */
import type { SurveysMessages } from "./surveys.zh-CN.ts";

export const surveysEn: SurveysMessages = {
  title: "Surveys",
};
