/** 繁體中文 for the reports pages. */
import type { ReportsMessages } from "./reports.zh-CN.ts";

export const reportsZhTW: ReportsMessages = {
  title: "滿意度報告",
};
