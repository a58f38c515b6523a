/** Editing text in several languages: a switch for the language being edited, and inputs that show the others. */
import type { Locale, LocalizedText } from "@kexin/contracts";
import { Input, Segmented } from "antd";
import { useEffect } from "react";
import { LOCALE_NAMES } from "../i18n/setup-i18n.ts";
import { pickText } from "./localized-text.ts";

export function EditLanguageSwitch({
  languages,
  value,
  onChange,
  testId,
}: {
  languages: readonly Locale[];
  value: Locale;
  onChange(locale: Locale): void;
  testId?: string;
}) {
  // A language removed from the survey cannot stay the one being edited.
  useEffect(() => {
    if (!languages.includes(value) && languages[0]) onChange(languages[0]);
  }, [languages, value, onChange]);
  if (languages.length < 2) return null;
  return (
    <Segmented<Locale>
      size="small"
      // Reading another language stays possible where editing is switched off.
      disabled={false}
      value={value}
      onChange={onChange}
      options={languages.map((locale) => ({
        value: locale,
        label: <span data-testid={testId ? `${testId}-${locale}` : undefined}>{LOCALE_NAMES[locale]}</span>,
      }))}
    />
  );
}

interface LocalizedInputProps {
  text: LocalizedText | undefined;
  locale: Locale;
  onChange(value: string): void;
  isMultiline?: boolean;
  testId?: string;
  status?: "error";
  ariaLabel?: string;
}

/** The text in the language being edited; when blank, the placeholder shows what another language says. */
export function LocalizedInput({ text, locale, onChange, isMultiline, testId, status, ariaLabel }: LocalizedInputProps) {
  const common = {
    value: text?.[locale] ?? "",
    placeholder: pickText(text, locale) || undefined,
    lang: locale,
    status,
    "aria-label": ariaLabel,
    "data-testid": testId,
  };
  return isMultiline ? (
    <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 6 }} onChange={(event) => onChange(event.target.value)} />
  ) : (
    <Input {...common} onChange={(event) => onChange(event.target.value)} />
  );
}
