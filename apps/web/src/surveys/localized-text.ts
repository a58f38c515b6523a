/** Reading and writing text a survey holds in several languages. */
import type { Locale, LocalizedText } from "@kexin/contracts";

const FALLBACK_ORDER: readonly Locale[] = ["zh-CN", "en", "zh-TW"];

/** The text in `locale`, else in the first of `preferred` that has it, else in any language; "" when none. */
export function pickText(
  text: LocalizedText | undefined,
  locale: Locale,
  preferred: readonly Locale[] = FALLBACK_ORDER,
): string {
  if (!text) return "";
  for (const candidate of [locale, ...preferred, ...FALLBACK_ORDER]) {
    const value = text[candidate];
    if (value) return value;
  }
  return "";
}

/**
 * The text with one language changed. Blank languages are left out rather than stored empty, and a text with no
 * language left is `undefined`, which optional fields (help, intro) need and required ones report as missing.
 */
export function withText(text: LocalizedText | undefined, locale: Locale, value: string): LocalizedText | undefined {
  const next: Partial<Record<Locale, string>> = { ...text };
  if (value === "") delete next[locale];
  else next[locale] = value;
  return Object.keys(next).length > 0 ? next : undefined;
}

/** For required texts: an all-blank text stays as an empty record so the field still exists and shows its problem. */
export function withRequiredText(text: LocalizedText, locale: Locale, value: string): LocalizedText {
  return withText(text, locale, value) ?? {};
}
