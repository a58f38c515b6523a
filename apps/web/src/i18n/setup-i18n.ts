/**
 * i18next with the three languages bundled (they are small), 简体中文 by default. The chosen language is
 * remembered in localStorage so the sign-in page already speaks it; once signed in the user's saved locale wins.
 */
import { Locale } from "@kexin/contracts";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { zhCN } from "./zh-CN.ts";
import { zhTW } from "./zh-TW.ts";

export const LOCALES: readonly Locale[] = Locale.options;
export const DEFAULT_LOCALE: Locale = "zh-CN";
const STORAGE_KEY = "kexin.locale";

/** Each language named in itself, as a switcher should show it. */
export const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "简体中文", en: "English", "zh-TW": "繁體中文" };

export function toLocale(value: string | null | undefined): Locale | undefined {
  const parsed = Locale.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function rememberedLocale(): Locale {
  try {
    return toLocale(localStorage.getItem(STORAGE_KEY)) ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode or storage disabled: the choice lasts for this page only
  }
}

export function currentLocale(): Locale {
  return toLocale(i18n.language) ?? DEFAULT_LOCALE;
}

i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en }, "zh-TW": { translation: zhTW } },
  lng: rememberedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  // React escapes every string it renders, so i18next must not escape a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
