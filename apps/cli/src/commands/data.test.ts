import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@kexin/server";
import { Command } from "commander";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UsageError } from "../analyze/usage-error.ts";
import { registerDataCommands } from "./data.ts";

const fixtures = fileURLToPath(new URL("../../../server/src/domain/imports/fixtures/", import.meta.url));
const repository = fileURLToPath(new URL("../../../../", import.meta.url));
const postgresUrl = process.env.KEXIN_TEST_POSTGRES_URL;

interface CliDatabase {
  name: string;
  create(directory: string): Promise<{ url: string; drop(): Promise<void> }>;
}
const kinds: CliDatabase[] = [
  { name: "pglite", create: async (directory) => ({ url: `pglite:${join(directory, "db")}`, drop: async () => {} }) },
  ...(postgresUrl
    ? [{
        name: "postgres",
        create: async () => {
          const name = `kexin_cli_${randomBytes(6).toString("hex")}`;
          const admin = new pg.Client({ connectionString: postgresUrl });
          await admin.connect();
          await admin.query(`create database ${name}`);
          await admin.end();
          const url = new URL(postgresUrl);
          url.pathname = `/${name}`;
          return {
            url: url.toString(),
            drop: async () => {
              const cleanup = new pg.Client({ connectionString: postgresUrl });
              await cleanup.connect();
              await cleanup.query(`drop database if exists ${name} with (force)`);
              await cleanup.end();
            },
          };
        },
      }]
    : []),
];

/** Runs one `kexin` data command in this process; returns what it wrote and the error it threw, if any. */
async function kexin(...args: string[]) {
  const program = new Command().exitOverride();
  registerDataCommands(program);
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  let error: unknown;
  try {
    await program.parseAsync(["node", "kexin", ...args]);
  } catch (caught) {
    error = caught;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr, error };
}

describe.each(kinds)("kexin import/export/demo on $name", (kind) => {
  const directory = mkdtempSync(join(tmpdir(), "kexin-cli-data-"));
  let database: { url: string; drop(): Promise<void> };
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    database = await kind.create(directory);
    process.env.DATABASE_URL = database.url;
    const demo = await kexin("demo", "--anchor-date", "2025-06-30");
    expect(demo.error).toBeUndefined();
    expect(JSON.parse(demo.stdout).customers).toBeGreaterThan(0);
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await database.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  it("imports customers into the demo organisation and prints the report", async () => {
    const result = await kexin("import", "customers", join(fixtures, "customers-good.csv"));
    expect(result.error).toBeUndefined();
    expect(JSON.parse(result.stdout)).toMatchObject({ created: 5, imported: 5 });
    expect(result.stderr).toMatch(/imported 5/);
  });

  it("prints every bad row as 'line N: field: reason' and fails with a UsageError (exit 2)", async () => {
    const result = await kexin("import", "customers", join(fixtures, "customers-bad.csv"));
    expect(result.error).toBeInstanceOf(UsageError);
    expect((result.error as Error).message).toMatch(/5 of 7 rows are bad, nothing was imported/);
    const lines = result.stderr.split("\n").filter((line) => line.startsWith("line "));
    expect(lines.map((line) => line.split(":").slice(0, 2).join(":"))).toEqual([
      "line 3: email", "line 4: birthday", "line 5: storeCode", "line 6: code", "line 7: name",
    ]);
  });

  it("dry-runs and imports transactions, idempotently", async () => {
    const file = join(fixtures, "transactions.csv");
    const dry = await kexin("import", "transactions", file, "--dry-run");
    expect(JSON.parse(dry.stdout)).toMatchObject({ isDryRun: true, validRows: 5, imported: 0 });
    expect(JSON.parse((await kexin("import", "transactions", file)).stdout)).toMatchObject({ created: 5 });
    expect(JSON.parse((await kexin("import", "transactions", file)).stdout)).toMatchObject({ created: 0, skipped: 5 });
  });

  it("takes --map for headers it cannot guess", async () => {
    const file = join(directory, "odd.csv");
    writeFileSync(file, "Nummer,Kunde,Filiale\nMAP-1,Anna,SH01\n");
    const result = await kexin("import", "customers", file, "--map", "code=Nummer", "--map", "name=Kunde", "--map", "storeCode=Filiale");
    expect(result.error).toBeUndefined();
    expect(JSON.parse(result.stdout).mapping).toEqual({ code: "Nummer", name: "Kunde", storeCode: "Filiale" });
    const unknown = await kexin("import", "customers", file, "--map", "name=Nope");
    expect((unknown.error as Error).message).toMatch(/no column "Nope"/);
  });

  it("exports customers as CSV or .xlsx by the file's extension", async () => {
    const csv = join(directory, "out.csv");
    expect((await kexin("export", "customers", csv)).error).toBeUndefined();
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("\uFEFFcode,name,")).toBe(true);
    expect(text).toContain("FX-001,王芳");
    const xlsx = join(directory, "out.xlsx");
    expect((await kexin("export", "customers", xlsx)).error).toBeUndefined();
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe("PK");
    expect((await kexin("export", "customers", join(directory, "out.pdf"))).error).toBeInstanceOf(UsageError);
  });

  it("refuses missing files, unknown kinds and unknown organisations as bad input", async () => {
    expect((await kexin("import", "customers", join(directory, "missing.csv"))).error).toBeInstanceOf(UsageError);
    expect((await kexin("import", "orders", join(fixtures, "transactions.csv"))).error).toBeInstanceOf(UsageError);
    const org = await kexin("import", "customers", join(fixtures, "customers-good.csv"), "--org", "00000000-0000-4000-8000-000000000000");
    expect((org.error as Error).message).toMatch(/no organisation/);
  });

  if (kind.name === "pglite") {
    it("says clearly when the embedded database is in use by another Kexin", async () => {
      const holder = await openDatabase(database.url);
      try {
        const result = await kexin("import", "customers", join(fixtures, "customers-good.csv"));
        expect(result.error).toBeInstanceOf(UsageError);
        expect((result.error as Error).message).toMatch(/in use by another Kexin process/);
      } finally {
        await holder.close();
      }
    });

    it("exits 2 with the bad rows on stderr when run as a program", () => {
      const run = spawnSync(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", "import", "customers", join(fixtures, "customers-bad.csv")], {
        cwd: repository,
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: "utf8",
      });
      expect(run.stderr).toMatch(/line 3: email: /);
      expect(run.status).toBe(2);
      expect(existsSync(`${join(directory, "db")}.lock`)).toBe(false);
    });
  }
});
