/** English for the maintenance plans pages. */
import type { PlansMessages } from "./plans.zh-CN.ts";

export const plansEn: PlansMessages = {
  title: "Maintenance plans",
};
