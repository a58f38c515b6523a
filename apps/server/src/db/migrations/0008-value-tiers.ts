/**
 * Frozen in time once shipped: never import app code here; add a new migration instead.
 * TODO(issue 5): value tiers (helper A) — being written.
 */
import type { Kysely } from "kysely";

export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
