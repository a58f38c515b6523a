/** Test data for complaint tests (imported by tests only). */
import { ComplaintCreate } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { createComplaint } from "./create-complaint.ts";

/** A Shanghai wall-clock time (UTC+8) as an instant. */
export const shanghai = (local: string) => new Date(`${local}+08:00`);

/** Monday 2 March 2026, 10:00 in Shanghai: inside business hours. */
export const MONDAY_10 = shanghai("2026-03-02T10:00:00");

export function fileTestComplaint(
  db: Kysely<DB>,
  actor: Actor,
  overrides: Partial<ComplaintCreate> = {},
  now: Date = MONDAY_10,
) {
  return createComplaint({
    db,
    actor,
    input: ComplaintCreate.parse({ category: "rude_staff", severity: "high", subject: "店员态度差", body: "结账时店员很不耐烦。", channel: "dashboard", ...overrides }),
    now,
  });
}
