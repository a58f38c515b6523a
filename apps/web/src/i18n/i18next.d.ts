/** Types every `t("…")` key against the 简体中文 resources, so a typo or a missing key fails the type check. */
import "i18next";
import type { Messages } from "./zh-CN.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}
