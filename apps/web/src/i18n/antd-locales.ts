/** Ant Design's own strings (pagination, pickers, form validation messages) in the matching language. */
import type { Locale } from "@kexin/contracts";
import type { Locale as AntdLocale } from "antd/es/locale";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import zhTW from "antd/locale/zh_TW";

export const ANTD_LOCALES: Record<Locale, AntdLocale> = { "zh-CN": zhCN, en: enUS, "zh-TW": zhTW };
