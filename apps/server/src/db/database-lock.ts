/**
 * PGlite keeps its database in a directory that only one process may open: a second one (say `kexin import`
 * while `kexin serve` runs) would corrupt it. A lock file beside the directory (`<dir>.lock`, e.g.
 * .kexin-data/db.lock) holds the owner's pid; a lock whose process is gone (kill -9, a crash) is taken over.
 */
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";

export class DatabaseLockedError extends Error {
  override readonly name = "DatabaseLockedError";
  readonly code = "database.locked";
  constructor(
    readonly directory: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `the database in ${directory} is in use by another Kexin process (pid ${pid}), e.g. kexin serve: stop it first, ` +
        `or use PostgreSQL (DATABASE_URL=postgres://…) to share one database. If no Kexin runs, delete ${lockFile}.`,
    );
  }
}

/** Locks taken by this process: a lock file naming our own pid that we did not take is left from a restart. */
const heldByUs = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** @returns a function that releases the lock. @throws DatabaseLockedError while another live process holds it. */
export function lockDatabaseDirectory(directory: string): () => void {
  const lockFile = `${directory.replace(/[/\\]+$/, "")}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
      const isOurs = holder === process.pid && heldByUs.has(lockFile);
      if (holder > 0 && (isOurs || (holder !== process.pid && isAlive(holder)))) {
        throw new DatabaseLockedError(directory, holder, lockFile);
      }
      unlinkSync(lockFile); // stale: its process is gone
    }
  }
  heldByUs.add(lockFile);
  const release = () => {
    if (!heldByUs.delete(lockFile)) return;
    try {
      unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return () => {
    process.off("exit", release);
    release();
  };
}
