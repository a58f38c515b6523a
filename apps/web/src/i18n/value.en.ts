/** English for the value & tiers pages. */
import type { ValueMessages } from "./value.zh-CN.ts";

export const valueEn: ValueMessages = {
  title: "Value & tiers",
};
