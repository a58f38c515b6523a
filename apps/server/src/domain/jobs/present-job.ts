/** A `jobs` row as the API shows it (the administrators' list, a job polled after "recompute now"). */
import type { JobEntry } from "@kexin/contracts";
import type { Selectable } from "kysely";
import type { JobsTable } from "../../db/schema.ts";

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Maps a row to the contract's JobEntry: ISO times, the stored result parsed (PGlite may hand back JSON text). */
export function presentJob(row: Selectable<JobsTable>): JobEntry {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    status: row.status,
    runAt: new Date(row.run_at).toISOString(),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    result: typeof row.result === "string" ? (JSON.parse(row.result) as Record<string, unknown>) : row.result,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}
