/** Choosing the page's language and reading the survey's localised texts in it. */
import type { LocalizedText, Locale } from "@kexin/contracts";

const LOCALES: readonly Locale[] = ["zh-CN", "en", "zh-TW"];

/** Maps a BCP 47 tag (zh-Hans-CN, zh-HK, en-GB, …) onto one of the three UI languages, or null. */
export function toLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  const exact = LOCALES.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  if (lower === "zh" || lower.startsWith("zh-hans") || lower.startsWith("zh-cn") || lower.startsWith("zh-sg")) return "zh-CN";
  if (lower.startsWith("zh-hant") || lower.startsWith("zh-tw") || lower.startsWith("zh-hk") || lower.startsWith("zh-mo")) {
    return "zh-TW";
  }
  if (lower === "en" || lower.startsWith("en-")) return "en";
  return null;
}

/**
 * The language to show: `?lang=` when the survey offers it, else the first of the browser's languages it offers,
 * else the survey's first language.
 * @example chooseLanguage(["zh-CN", "en"], null, ["en-US", "zh-CN"]) // "en"
 */
export function chooseLanguage(offered: readonly Locale[], requested: string | null, browserLanguages: readonly string[]): Locale {
  const candidates = [requested, ...browserLanguages].map(toLocale);
  return candidates.find((locale): locale is Locale => locale !== null && offered.includes(locale)) ?? offered[0] ?? "zh-CN";
}

/**
 * A localised text in the wanted language, falling back to the survey's languages in order, then to any language
 * given; "" when the text is absent.
 */
export function localize(text: LocalizedText | undefined, language: Locale, fallbacks: readonly Locale[]): string {
  if (!text) return "";
  for (const locale of [language, ...fallbacks, ...LOCALES]) {
    const value = text[locale];
    if (value) return value;
  }
  return "";
}
