/**
 * Imports running in this process: their progress (kept in memory, because the rows are written in one
 * transaction that other connections cannot see into) and a promise that settles when they finish.
 */
export interface RunningImport {
  processedRows: number;
  totalRows: number;
  finished: Promise<void>;
}

export const runningImports = new Map<string, RunningImport>();

/** Resolves when the import has finished in this process (at once if it is not running here). */
export async function waitForImport(importId: string): Promise<void> {
  await runningImports.get(importId)?.finished;
}

/** Resolves when every import running in this process has finished: call before closing the database. */
export async function waitForAllImports(): Promise<void> {
  await Promise.all([...runningImports.values()].map((job) => job.finished));
}
