/** 繁體中文 for the maintenance plans pages. */
import type { PlansMessages } from "./plans.zh-CN.ts";

export const plansZhTW: PlansMessages = {
  title: "維護計畫",
};
