/**
 * Spreadsheets run a CSV cell that starts with = + - @ (or a tab or carriage return) as a formula, which lets a
 * customer named `=HYPERLINK(…)` attack whoever opens the export (OWASP "CSV injection"). An apostrophe in
 * front makes it text. The importer strips that apostrophe again, so exported files import back unchanged.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
