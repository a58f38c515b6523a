/**
 * Opens the database named by a URL: PostgreSQL (postgres://…) through node-postgres, or PGlite on disk
 * (pglite:<dir>) or in memory (memory:). The same Kysely code and migrations run on both.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDatabaseDirectory } from "./database-lock.ts";
import { PgliteDialect } from "./pglite-dialect.ts";
import type { DB } from "./schema.ts";

export type DatabaseKind = "postgres" | "pglite";

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

// numeric and bigint come back as strings by default; counts and sums are read through Number() at the edge.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export async function openDatabase(url: string): Promise<Database> {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection that the server drops (restart, failover) must not crash the process: the pool
    // replaces it on the next query, so the error is only logged.
    pool.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const directory = url.startsWith("pglite:") ? url.slice("pglite:".length) : undefined;
  if (directory) mkdirSync(directory, { recursive: true });
  const unlock = directory ? lockDatabaseDirectory(directory) : () => {};
  const pglite = await PGlite.create({
    dataDir: directory,
    extensions: { pg_trgm },
    // Durability: whatever was acknowledged must survive a kill -9, so every commit is flushed to disk.
    relaxedDurability: false,
    // DATE (OID 1082) as plain yyyy-mm-dd text, like the node-postgres parser above.
    parsers: { 1082: (value: string) => value },
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const db = new Kysely<DB>({ dialect: new PgliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.destroy();
      await pglite.close();
      unlock();
    },
  };
}
