/** 繁體中文 for the feedback pages. */
import type { FeedbackMessages } from "./feedback.zh-CN.ts";

export const feedbackZhTW: FeedbackMessages = {
  title: "意見回饋",
};
