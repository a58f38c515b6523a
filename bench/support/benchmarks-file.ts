/** BENCHMARKS.md at the repository root: each benchmark owns one "## …" section, replaced on every run. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const BENCHMARKS_FILE = fileURLToPath(new URL("../../BENCHMARKS.md", import.meta.url));

/** Replaces the section under `heading` (up to the next "## " heading), or appends it. */
export function writeBenchmarkSection(heading: string, body: string): void {
  const current = existsSync(BENCHMARKS_FILE)
    ? readFileSync(BENCHMARKS_FILE, "utf8")
    : "# Benchmarks\n\nEach benchmark measures Kexin against a baseline run on the same machine in the same run.\n";
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = current.indexOf(`${heading}\n`);
  if (start === -1) {
    writeFileSync(BENCHMARKS_FILE, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const next = current.indexOf("\n## ", start + heading.length);
  const end = next === -1 ? current.length : next + 1;
  writeFileSync(BENCHMARKS_FILE, `${current.slice(0, start)}${section}${next === -1 ? "" : "\n"}${current.slice(end)}`);
}

/** Rounds milliseconds for a table: one decimal below 10 ms, whole numbers above. */
export const formatMs = (ms: number): string => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
