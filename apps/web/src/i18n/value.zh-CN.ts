/** 简体中文 for the value & tiers pages; the shape the other two languages must match. */
export const valueZhCN = {
  title: "价值与分级",
};
export type ValueMessages = typeof valueZhCN;
