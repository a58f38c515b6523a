/** Small helpers the templates share, so each template reads as its questions and nothing else. */
import type { LocalizedText, Locale } from "@kexin/contracts";

/** Every template is written in all three UI languages. */
export const TEMPLATE_LANGUAGES: Locale[] = ["zh-CN", "en", "zh-TW"];

/** Text in 简体中文, English and 繁體中文, in that order. */
export function text(simplifiedChinese: string, english: string, traditionalChinese: string): LocalizedText {
  return { "zh-CN": simplifiedChinese, en: english, "zh-TW": traditionalChinese };
}
