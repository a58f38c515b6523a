/**
 * Escapes text for HTML element content and quoted attribute values: & < > " '. Every value a user or customer
 * wrote (names, titles) goes through it before it is placed in an email's HTML part.
 */
const REPLACEMENTS: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => REPLACEMENTS[character]);
}
