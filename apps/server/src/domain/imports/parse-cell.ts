/**
 * Turns one cell of an import into a value, or says why it cannot: each parser returns `{ value }` or
 * `{ error }` with a message that names what was expected. Pure; no clock, no time zone of the machine.
 */
import { z } from "zod";

export type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

/**
 * Times without an offset are shop wall-clock times. Kexin's shops are in China (one zone, no daylight saving),
 * so a naive "2024-03-01 14:30" means 14:30 in Beijing.
 */
export const NAIVE_TIME_OFFSET = "+08:00";

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$|^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME =
  /^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{8})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const pad = (n: number) => String(n).padStart(2, "0");

function calendarDate(text: string): string | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = (match[1] ? match.slice(1, 4) : match.slice(4, 7)).map(Number);
  if (year < 1900 || year > 2100) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A calendar date as yyyy-mm-dd from 2024-03-01, 2024/3/1, 2024.3.1, 20240301 or 2024年3月1日 (a 00:00 time is allowed). */
export function parseCalendarDate(text: string): Parsed<string> {
  const date = calendarDate(text.replace(/[T\s]+00:00(:00(\.0+)?)?$/, ""));
  return date ? { value: date } : { error: `"${text}" is not a date (use yyyy-mm-dd, e.g. 1990-05-17)` };
}

/** A moment as an ISO string with offset; a date alone means midnight, no offset means NAIVE_TIME_OFFSET. */
export function parseMoment(text: string): Parsed<string> {
  const match = DATE_TIME.exec(text);
  const date = match && calendarDate(match[1]);
  const [hours, minutes, seconds] = match ? [match[2], match[3], match[4]].map((part) => Number(part ?? 0)) : [0, 0, 0];
  if (!match || !date || hours > 23 || minutes > 59 || seconds > 59) {
    return { error: `"${text}" is not a date or time (use yyyy-mm-dd or yyyy-mm-dd hh:mm, e.g. 2024-03-01 14:30)` };
  }
  const zone = match[5] ? (match[5].toUpperCase() === "Z" ? "Z" : match[5].replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2")) : NAIVE_TIME_OFFSET;
  return { value: `${date}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${zone}` };
}

/** A non-negative money amount with at most 2 decimals: "1,299.00", "¥88", "88元" are fine. */
export function parseAmount(text: string): Parsed<string> {
  const cleaned = text.replace(/[¥￥,，\s]|元$|^(RMB|CNY)/gi, "");
  if (/^-\d/.test(cleaned)) return { error: `must not be negative (${text})` };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return { error: `"${text}" is not an amount (use digits, e.g. 128.50)` };
  if (Number(cleaned) >= 1e12) return { error: `${text} is too large` };
  // Normalised (128.5 → "128.50") so the same amount always reads the same, e.g. in content-derived order ids.
  return { value: Number(cleaned).toFixed(2) };
}

const GENDERS: Record<string, "female" | "male" | "unknown"> = {
  男: "male", m: "male", male: "male", 先生: "male", 男性: "male",
  女: "female", f: "female", female: "female", 女士: "female", 女性: "female",
  未知: "unknown", unknown: "unknown", 保密: "unknown", 其他: "unknown", "": "unknown",
};

export function parseGender(text: string): Parsed<"female" | "male" | "unknown"> {
  const value = GENDERS[text.toLowerCase()];
  return value ? { value } : { error: `"${text}" is not a gender (use 男/女, male/female or leave it empty)` };
}

const PHONE = /^\+?[0-9 ()-]{5,20}$/;
export function parsePhone(text: string): Parsed<string> {
  return PHONE.test(text) ? { value: text } : { error: `"${text}" is not a phone number (digits, spaces, +, - or brackets)` };
}

const EMAIL = z.email();
export function parseEmail(text: string): Parsed<string> {
  if (text.length <= 200 && EMAIL.safeParse(text).success) return { value: text.toLowerCase() };
  return { error: `"${text}" is not an email address` };
}

/** Tags separated by , ， ; ； 、 or |, trimmed and de-duplicated; each at most 32 characters, at most 50. */
export function parseTags(text: string): Parsed<string[]> {
  const tags = [...new Set(text.split(/[,，;；、|]/).map((tag) => tag.trim()).filter(Boolean))];
  const long = tags.find((tag) => tag.length > 32);
  if (long) return { error: `tag "${long}" is longer than 32 characters` };
  if (tags.length > 50) return { error: `${tags.length} tags, at most 50 are allowed` };
  return { value: tags };
}

export function parseText(text: string, maxLength: number): Parsed<string> {
  return text.length <= maxLength ? { value: text } : { error: `longer than ${maxLength} characters` };
}

/**
 * A cell's text as the user meant it. Exports put an apostrophe before values starting with = + - @ so
 * spreadsheets do not run them as formulas; importing strips it again, so an export imports back unchanged.
 */
export function cellValue(raw: string | undefined): string {
  const text = (raw ?? "").trim();
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
