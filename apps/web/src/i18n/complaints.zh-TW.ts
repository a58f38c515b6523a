/** 繁體中文 for the complaints pages. */
import type { ComplaintsMessages } from "./complaints.zh-CN.ts";

export const complaintsZhTW: ComplaintsMessages = {
  title: "投訴處理",
};
