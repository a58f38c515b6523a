/** 简体中文 for the reports pages; the shape the other two languages must match. */
export const reportsZhCN = {
  title: "满意度报告",
};
export type ReportsMessages = typeof reportsZhCN;
