/** 简体中文 for the maintenance plans pages; the shape the other two languages must match. */
export const plansZhCN = {
  title: "维护计划",
};
export type PlansMessages = typeof plansZhCN;
