/** 简体中文 for the feedback pages; the shape the other two languages must match. */
export const feedbackZhCN = {
  title: "意见反馈",
};
export type FeedbackMessages = typeof feedbackZhCN;
