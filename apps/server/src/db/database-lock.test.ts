import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, lockDatabaseDirectory } from "./database-lock.ts";
import { openDatabase } from "./database.ts";

describe("the embedded database's lock", () => {
  const root = mkdtempSync(join(tmpdir(), "kexin-lock-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lets one opener at a time use a PGlite directory and frees it on close", async () => {
    const directory = join(root, "db");
    const database = await openDatabase(`pglite:${directory}`);
    expect(readFileSync(`${directory}.lock`, "utf8")).toBe(String(process.pid));
    await expect(openDatabase(`pglite:${directory}`)).rejects.toBeInstanceOf(DatabaseLockedError);
    await database.close();
    expect(existsSync(`${directory}.lock`)).toBe(false);
    const reopened = await openDatabase(`pglite:${directory}`);
    await reopened.close();
  });

  it("refuses while another live process holds the lock, naming its pid and the lock file", async () => {
    const directory = join(root, "busy");
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(`${directory}.lock`, String(other.pid));
      expect(() => lockDatabaseDirectory(directory)).toThrow(
        expect.objectContaining({ code: "database.locked", pid: other.pid, message: expect.stringContaining("busy.lock") }),
      );
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that died", async () => {
    const directory = join(root, "stale");
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.once("exit", resolve));
    writeFileSync(`${directory}.lock`, String(dead.pid));
    const release = lockDatabaseDirectory(directory);
    expect(readFileSync(`${directory}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${directory}.lock`)).toBe(false);
  });
});
