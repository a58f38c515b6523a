#!/usr/bin/env node
/**
 * `npm test`: every check, in order — lint, type-check, unit and integration tests on PGlite and PostgreSQL,
 * the web build, then the browser journeys in headless Chromium. Ends with one line "N passed, N failed".
 *
 * PostgreSQL: uses KEXIN_TEST_POSTGRES_URL when set; otherwise starts a throwaway cluster if the machine has
 * PostgreSQL's binaries (stopped again at the end). Chromium: /usr/bin/chromium or KEXIN_CHROMIUM.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const env = { ...process.env };
const reportDir = mkdtempSync(join(tmpdir(), "kexin-test-"));

function run(label, command, args, options = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env, ...options });
  if (result.status !== 0) failures.push(label);
  return result.status === 0;
}

function countVitest(label, file) {
  if (!existsSync(file)) {
    failures.push(`${label} (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests;
  results.skipped += report.numPendingTests + report.numTodoTests;
  if (report.numTotalTests === 0) failures.push(`${label} ran no test`);
}

let stopPostgres;
if (!env.KEXIN_TEST_POSTGRES_URL && process.env.KEXIN_TEST_POSTGRES !== "off") {
  const started = spawnSync("bash", ["scripts/start-test-postgres.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (started.status === 0) {
    for (const [, key, value] of started.stdout.matchAll(/export (\w+)=(\S+)/g)) env[key] = value;
    const dir = env.KEXIN_TEST_POSTGRES_DIR;
    stopPostgres = () => {
      const bin = spawnSync("bash", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1"], { encoding: "utf8" }).stdout.trim();
      const stop = `'${bin}/pg_ctl' -D '${dir}/data' -m immediate stop`;
      spawnSync(process.getuid?.() === 0 ? "su" : "bash", process.getuid?.() === 0 ? ["postgres", "-s", "/bin/bash", "-c", stop] : ["-c", stop], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    console.warn("⚠ PostgreSQL could not be started: database tests run on PGlite only.");
  }
}

try {
  run("lint", "npx", ["eslint", "."]);
  run("type-check", "npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]);
  const unitReport = join(reportDir, "unit.json");
  run("unit and integration tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`]);
  countVitest("unit and integration tests", unitReport);
  if (run("web build", "npx", ["vite", "build", "apps/web", "--logLevel", "warn"])) {
    const e2eReport = join(reportDir, "e2e.json");
    run("browser journeys", "npx", ["vitest", "run", "--config", "e2e/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${e2eReport}`]);
    countVitest("browser journeys", e2eReport);
  }
} finally {
  stopPostgres?.();
  rmSync(reportDir, { recursive: true, force: true });
}

if (failures.length) console.log(`\n✖ failed: ${failures.join("; ")}`);
console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(failures.length || results.failed ? 1 : 0);
