/** 繁體中文 for the value & tiers pages. */
import type { ValueMessages } from "./value.zh-CN.ts";

export const valueZhTW: ValueMessages = {
  title: "價值與分級",
};
