/** 简体中文 for the complaints pages; the shape the other two languages must match. */
export const complaintsZhCN = {
  title: "投诉处理",
};
export type ComplaintsMessages = typeof complaintsZhCN;
