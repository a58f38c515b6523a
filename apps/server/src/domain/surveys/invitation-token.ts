/**
 * Personal invitation tokens: 32 random bytes, base64url, sent only in the email link; the database keeps their
 * SHA-256, so a leaked database does not answer anyone's survey.
 */
import { createHash, randomBytes } from "node:crypto";

export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string has the shape of a token (43 base64url characters), so junk is refused before a lookup. */
export function isInvitationTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
