/** English for the reports pages. */
import type { ReportsMessages } from "./reports.zh-CN.ts";

export const reportsEn: ReportsMessages = {
  title: "Satisfaction reports",
};
