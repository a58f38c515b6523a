/** 繁體中文 for the surveys pages. */
import type { SurveysMessages } from "./surveys.zh-CN.ts";

export const surveysZhTW: SurveysMessages = {
  title: "問卷調查",
};
