/** Test helpers for analyze commands: run one command in isolation and capture its JSON output. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command } from "commander";
import { vi } from "vitest";

/** Writes files into a fresh temp directory and returns their paths by name. */
export function writeTempFiles(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), "kexin-cli-"));
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = path.join(dir, name);
    writeFileSync(paths[name], text);
  }
  return paths;
}

/** Runs `analyze <args>` on a program with only the given command registered; returns the parsed stdout JSON. */
export async function runAnalyze(register: (analyze: Command) => void, args: string[]): Promise<unknown> {
  const program = new Command().exitOverride();
  const analyze = program.command("analyze").exitOverride();
  register(analyze);
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["node", "kexin", "analyze", ...args]);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(out);
}
