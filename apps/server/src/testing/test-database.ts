/**
 * Tests run the same suite on every database Kexin supports: PGlite always, PostgreSQL when
 * KEXIN_TEST_POSTGRES_URL points at a server (CI starts a throwaway cluster). Each test file gets a fresh
 * database, so tests never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";

export interface TestDatabaseKind {
  name: "pglite" | "postgres";
  create(): Promise<Database>;
}

const postgresUrl = process.env.KEXIN_TEST_POSTGRES_URL;

async function createPostgresDatabase(adminUrl: string): Promise<Database> {
  const name = `kexin_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase(url.toString());
  await migrateToLatest(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export const testDatabaseKinds: TestDatabaseKind[] = [
  {
    name: "pglite",
    create: async () => {
      const database = await openDatabase("memory:");
      await migrateToLatest(database.db);
      return database;
    },
  },
  ...(postgresUrl ? [{ name: "postgres" as const, create: () => createPostgresDatabase(postgresUrl) }] : []),
];

if (!postgresUrl && !process.env.KEXIN_TEST_QUIET) {
  console.warn("KEXIN_TEST_POSTGRES_URL is not set: database tests run on PGlite only (CI runs both).");
}
