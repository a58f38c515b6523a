/**
 * Draft keys are random UUIDs the respondent page makes and keeps; the database holds only their SHA-256, so the
 * table alone does not let anyone read or overwrite someone's half-finished answer.
 */
import { createHash } from "node:crypto";

export function hashDraftKey(draftKey: string): string {
  return createHash("sha256").update(draftKey.toLowerCase()).digest("hex");
}

/** Saved progress older than this may be swept. */
export const DRAFT_MAX_AGE_DAYS = 30;
