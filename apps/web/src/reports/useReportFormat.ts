/** The report pages' number and text formatting, bound to the reader's language (numbers via i18n/format.ts). */
import type { LocalizedText } from "@kexin/contracts";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatDecimal, formatNumber, formatShare } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { pickText } from "../surveys/localized-text.ts";

export interface ReportFormat {
  locale: ReturnType<typeof useLocale>["locale"];
  count(value: number): string;
  decimal(value: number | null | undefined, digits?: number): string;
  /** A share in [0, 1]. */
  share(value: number | null | undefined, digits?: number): string;
  /** A figure already in percent (CSAT 54.7 → "54.7%"). */
  percent(value: number | null | undefined, digits?: number): string;
  /** "95% CI 51.0 – 58.4", or "" when the interval is not known. */
  interval(lower: number | null | undefined, upper: number | null | undefined, digits?: number, unit?: "percent"): string;
  pValue(p: number): string;
  text(value: LocalizedText | null | undefined): string;
}

const isNumber = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

export function useReportFormat(): ReportFormat {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return useMemo(() => {
    const decimal = (value: number | null | undefined, digits = 1) => (isNumber(value) ? formatDecimal(locale, value, digits) : "—");
    const percent = (value: number | null | undefined, digits = 1) => (isNumber(value) ? formatShare(locale, value / 100, digits) : "—");
    return {
      locale,
      count: (value: number) => formatNumber(locale, value),
      decimal,
      share: (value, digits = 1) => (isNumber(value) ? formatShare(locale, value, digits) : "—"),
      percent,
      interval: (lower, upper, digits = 1, unit) => {
        if (!isNumber(lower) || !isNumber(upper)) return "";
        const show = unit === "percent" ? (v: number) => percent(v, digits) : (v: number) => decimal(v, digits);
        return t("reports.common.ci", { lower: show(lower), upper: show(upper) });
      },
      pValue: (p: number) =>
        p < 0.001 ? t("reports.common.pBelow", { value: formatDecimal(locale, 0.001, 3) }) : t("reports.common.pValue", { value: formatDecimal(locale, p, 3) }),
      text: (value) => pickText(value ?? undefined, locale),
    };
  }, [locale, t]);
}
