/**
 * An error a user can act on. The code says what went wrong (`customer.not_found`); one place in http/ maps the
 * code's kind to an HTTP status; the message tells the user what to do; `field` names the input at fault.
 */
export type ErrorKind = "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited";

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(`${what}.not_found`, "not_found", `${what} not found`);
export const invalid = (code: string, message: string, field?: string) =>
  new AppError(code, "invalid", message, field);
