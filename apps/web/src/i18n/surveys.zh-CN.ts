/** 简体中文 for the surveys pages; the shape the other two languages must match. */
export const surveysZhCN = {
  title: "问卷调查",
};
export type SurveysMessages = typeof surveysZhCN;
