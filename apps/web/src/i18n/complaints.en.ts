/** English for the complaints pages. */
import type { ComplaintsMessages } from "./complaints.zh-CN.ts";

export const complaintsEn: ComplaintsMessages = {
  title: "Complaints",
};
