/** Starting texts for new questions, options and model parts, written in each of the survey's languages. */
import type { Locale, LocalizedText, QuestionType } from "@kexin/contracts";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DefaultText } from "./definition-edits.ts";

export type NumberedName = "dimension" | "indicator" | "construct" | "option" | "competitor" | "row";

export function useDefaultText(languages: readonly Locale[]) {
  const { i18n } = useTranslation();

  // Each language's text comes from that language's messages, whatever language the dashboard is shown in.
  const inEach = useCallback(
    (write: (lng: Locale) => string): LocalizedText => Object.fromEntries(languages.map((locale) => [locale, write(locale)])),
    [languages],
  );

  const numberedText = useCallback(
    (name: NumberedName, number: number) => inEach((lng) => i18n.t(`surveys.defaults.${name}`, { number, lng })),
    [i18n, inEach],
  );

  const questionText: DefaultText = useMemo(
    () => ({
      title: (type: QuestionType) => inEach((lng) => i18n.t(`surveys.defaults.titles.${type}`, { lng })),
      item: numberedText,
      feature: () => inEach((lng) => i18n.t("surveys.defaults.feature", { lng })),
    }),
    [i18n, inEach, numberedText],
  );

  return { questionText, numberedText };
}
