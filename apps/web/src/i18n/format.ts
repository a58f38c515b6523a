/**
 * Dates, numbers and money in the reader's language, via Intl (no date library needed in the dashboard).
 * Every function takes the locale explicitly so components re-render when it changes.
 */
import type { Locale } from "@kexin/contracts";

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

function toDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatDate(locale: Locale, value: string | null | undefined): string {
  const date = toDate(value);
  return date ? dateFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit" }).format(date) : "—";
}

export function formatDateTime(locale: Locale, value: string | null | undefined): string {
  const date = toDate(value);
  return date
    ? dateFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(date)
    : "—";
}

/** A calendar date (yyyy-mm-dd, e.g. a birthday) shown without any time-zone shift. */
export function formatCalendarDate(locale: Locale, value: string | null | undefined): string {
  if (!value) return "—";
  const [year, month, day] = value.split("-").map(Number);
  if (!year || !month || !day) return value;
  return dateFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** A calendar date (yyyy-mm-dd) as a short day label without the year: 3月25日 / Mar 25. */
export function formatDayMonth(locale: Locale, value: string): string {
  const [year, month, day] = value.split("-").map(Number);
  if (!year || !month || !day) return value;
  return dateFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** "2025-03" as a short month label: 2025年3月 / Mar 2025. */
export function formatMonth(locale: Locale, month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  if (!year || !monthNumber) return month;
  return dateFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A measured figure with a fixed number of decimals (a mean 3.57, a coefficient 0.71). */
export function formatDecimal(locale: Locale, value: number, digits = 1): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A share in [0, 1] as a percentage: 0.547 → 54.7%. */
export function formatShare(locale: Locale, share: number, digits = 1): string {
  return numberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

/** Amounts are in renminbi. */
export function formatMoney(locale: Locale, value: number, maximumFractionDigits = 2): string {
  // narrowSymbol: "¥" in every language rather than "CN¥" in English and 繁體.
  return new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol", maximumFractionDigits }).format(value);
}
