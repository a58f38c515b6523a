/**
 * A database that lives for one benchmark run: PGlite in a temporary directory, or a new database on the PostgreSQL
 * at KEXIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:55432/postgres), dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../../apps/server/src/db/database.ts";

export const BENCH_POSTGRES_URL = process.env.KEXIN_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:55432/postgres";

export type BenchDatabaseKind = "pglite" | "postgres";

export interface ThrowawayDatabase {
  /** What openDatabase takes: `pglite:<dir>` or a postgres:// URL. */
  url: string;
  /** Removes the directory or drops the database (every connection to it must be closed, or is cut). */
  drop(): Promise<void>;
}

/** Creates an empty database; `keep` leaves it in place after drop() and says where it is on stderr. */
export async function createThrowawayDatabase(kind: BenchDatabaseKind, { keep = false } = {}): Promise<ThrowawayDatabase> {
  if (kind === "pglite") {
    const directory = mkdtempSync(join(os.tmpdir(), "kexin-bench-"));
    if (keep) console.error(`keeping the database: pglite:${directory}`);
    return { url: `pglite:${directory}`, drop: async () => void (keep || rmSync(directory, { recursive: true, force: true })) };
  }
  const name = `kexin_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  if (keep) console.error(`keeping the database: ${url.toString()}`);
  return { url: url.toString(), drop: async () => void (keep || (await admin(`drop database if exists ${name} with (force)`))) };
}

/** Creates an empty database and opens it; dispose() closes and drops it. */
export async function openThrowawayDatabase(
  kind: BenchDatabaseKind,
  options: { keep?: boolean } = {},
): Promise<{ database: Database; url: string; dispose(): Promise<void> }> {
  const target = await createThrowawayDatabase(kind, options);
  const database = await openDatabase(target.url);
  return {
    database,
    url: target.url,
    dispose: async () => {
      await database.close();
      await target.drop();
    },
  };
}

/** The databases to run on: KEXIN_BENCH_DATABASES (comma-separated) or the benchmark's default. */
export function benchDatabaseKinds(defaultList: string): BenchDatabaseKind[] {
  return (process.env.KEXIN_BENCH_DATABASES ?? defaultList).split(",").map((name) => {
    const kind = name.trim();
    if (kind !== "pglite" && kind !== "postgres") throw new Error(`KEXIN_BENCH_DATABASES: unknown database "${kind}" (pglite or postgres)`);
    return kind;
  });
}
