/** English for the feedback pages. */
import type { FeedbackMessages } from "./feedback.zh-CN.ts";

export const feedbackEn: FeedbackMessages = {
  title: "Feedback",
};
