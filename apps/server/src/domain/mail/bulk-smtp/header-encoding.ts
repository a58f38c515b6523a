/**
 * Header field encoding for composeMime: RFC 2047 encoded-words for non-ASCII text, folding to short lines, the
 * RFC 5322 date. Plain string building, because this runs once per letter of a 100,000-letter campaign.
 */
import type { Mailbox } from "./mailbox.ts";

/** RFC 2047 §2: a line holding encoded-words is at most 76 characters; an encoded-word at most 75. */
const maxLineLength = 76;
const maxEncodedWordLength = 75;
/** `=?UTF-8?B?` + `?=` around the base64 text. */
const encodedWordOverhead = 12;
const smallestEncodedWord = encodedWordOverhead + 8;

const printableAscii = /^[\x20-\x7e\t]*$/;
const phraseSpecials = /[()<>[\]:;@\\,."]/;
const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Splits text into `=?UTF-8?B?…?=` words, the first at most `firstRoom` characters long and the rest at most 75,
 * never cutting a UTF-8 character in two (each word decodes on its own, as RFC 2047 §5 requires). O(n).
 */
export function encodeWords(text: string, firstRoom: number): string[] {
  const words: string[] = [];
  let room = firstRoom < smallestEncodedWord ? maxEncodedWordLength : Math.min(firstRoom, maxEncodedWordLength);
  let maxBytes = Math.floor((room - encodedWordOverhead) / 4) * 3;
  let start = 0;
  let bytes = 0;
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index) ?? 0;
    const units = codePoint > 0xffff ? 2 : 1;
    const size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) {
      words.push(`=?UTF-8?B?${Buffer.from(text.slice(start, index), "utf8").toString("base64")}?=`);
      start = index;
      bytes = 0;
      room = maxEncodedWordLength;
      maxBytes = Math.floor((room - encodedWordOverhead) / 4) * 3;
    }
    bytes += size;
    index += units;
  }
  if (start < text.length || words.length === 0) {
    words.push(`=?UTF-8?B?${Buffer.from(text.slice(start), "utf8").toString("base64")}?=`);
  }
  return words;
}

/**
 * Joins `Name: token token …` into lines of at most 76 characters, folding (CRLF + space) between tokens; a token
 * longer than a line gets a line of its own (even the first: `Name:` CRLF SP token is valid). Unfolding (removing
 * each CRLF) gives back the tokens joined by spaces.
 */
export function foldTokens(name: string, tokens: string[]): string {
  let out = `${name}:`;
  let lineLength = out.length;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (lineLength + 1 + token.length > maxLineLength && token !== "") {
      out += `\r\n ${token}`;
      lineLength = 1 + token.length;
    } else {
      out += ` ${token}`;
      lineLength += 1 + token.length;
    }
  }
  return `${out}\r\n`;
}

/**
 * One unstructured header (Subject, an extra header): printable ASCII as written, folded at spaces; anything else
 * (non-ASCII, or text that would read as an encoded-word) as UTF-8 encoded-words.
 */
export function formatUnstructured(name: string, value: string): string {
  if (printableAscii.test(value) && !value.includes("=?")) {
    const words = value.split(" ");
    // A word too long for any line (the hard limit is 998 characters) is split into encoded-words instead.
    if (words.every((word) => word.length <= maxEncodedWordLength * 10)) return foldTokens(name, words);
  }
  return foldTokens(name, encodeWords(value, maxLineLength - name.length - 2));
}

/**
 * An address header (From, To, Reply-To): the display name as a phrase (quoted when it holds specials, as
 * encoded-words when it holds non-ASCII), then `<address>`.
 */
export function formatMailbox(name: string, mailbox: Mailbox): string {
  const displayName = mailbox.displayName;
  const angleAddress = `<${mailbox.address}>`;
  if (displayName === undefined) return foldTokens(name, [angleAddress]);
  if (!printableAscii.test(displayName) || displayName.includes("=?")) {
    return foldTokens(name, [...encodeWords(displayName, maxLineLength - name.length - 2), angleAddress]);
  }
  const phrase = phraseSpecials.test(displayName)
    ? `"${displayName.replace(/(["\\])/g, "\\$1")}"`
    : displayName;
  return foldTokens(name, [phrase, angleAddress]);
}

/** RFC 5322 §3.3 date-time in UTC, e.g. `Tue, 04 Feb 2025 09:05:00 +0000`. */
export function formatDate(date: Date): string {
  const pad = (value: number) => (value < 10 ? `0${value}` : String(value));
  return (
    `${weekdays[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}
