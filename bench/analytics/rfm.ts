/**
 * RFM benchmark: score 10,000,000 orders streamed from a CSV and compare with a single streaming pass that only
 * parses the CSV and sums the amount column. Every measurement runs in its own child process so peak RSS is clean.
 *
 *   npx tsx bench/analytics/rfm.ts            # writes bench/analytics/RESULTS-rfm.md
 *   ORDERS=2000000 npx tsx bench/analytics/rfm.ts   # a smaller run
 */
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse";
import { rfmFromCsv } from "../../apps/cli/src/analyze/rfm.ts";
import { streamCsvColumnsFast } from "../../apps/cli/src/analyze/stream-csv-columns.ts";
import { generateOrdersCsv } from "./rfm-generate-orders.ts";

const thisFile = fileURLToPath(import.meta.url);
const ANALYSIS_DATE = "2025-01-01";

interface Measurement {
  seconds: number;
  /** User + system CPU seconds: a fairer measure than wall time when other jobs share the machine. */
  cpuSeconds: number;
  peakRssMiB: number;
  detail: string;
}

async function measureInChild(kind: string, file: string): Promise<Measurement> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let detail = "";
  if (kind === "sum-fast") {
    let total = 0;
    let rows = 0;
    await streamCsvColumnsFast({ file, columns: ["revenue"], onRow: (v) => { total += Number(v[0]); rows++; } });
    detail = `${rows} rows, revenue ${total.toFixed(2)}`;
  } else if (kind === "sum-csv-parse") {
    let total = 0;
    let rows = 0;
    const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ from_line: 2 }));
    for await (const record of parser as AsyncIterable<string[]>) {
      total += Number(record[2]);
      rows++;
    }
    detail = `${rows} rows, revenue ${total.toFixed(2)}`;
  } else if (kind === "rfm") {
    const out = await rfmFromCsv({ orders: file, analysisDate: ANALYSIS_DATE });
    const champions = out.customers.filter((c) => c.segment === "Champions").length;
    detail = `${out.customers.length} customers, ${champions} Champions, F breakpoints ${out.breakpoints.frequency.join("/")}`;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMiB: process.resourceUsage().maxRSS / 1024, detail };
}

function runChild(kind: string, file: string): Measurement {
  const result = spawnSync(process.execPath, [...process.execArgv, thisFile, "--child", kind, file], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`${kind} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as Measurement;
}

async function main(): Promise<void> {
  const orders = Number(process.env.ORDERS ?? 10_000_000);
  const customers = Number(process.env.CUSTOMERS ?? 200_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "kexin-rfm-bench-"));
  try {
    const bigFile = path.join(dir, "orders-big.csv");
    const smallFile = path.join(dir, "orders-1m.csv");
    const smallOrders = Math.min(1_000_000, orders);
    const t = performance.now();
    generateOrdersCsv(bigFile, orders, customers, 42);
    generateOrdersCsv(smallFile, smallOrders, customers, 43);
    const generateSeconds = (performance.now() - t) / 1000;
    const bigMiB = statSync(bigFile).size / 2 ** 20;
    console.log(`generated ${orders.toLocaleString("en")} orders (${bigMiB.toFixed(0)} MiB) in ${generateSeconds.toFixed(1)} s`);

    const rows: [string, string, Measurement][] = [];
    const run = (label: string, fileLabel: string, kind: string, file: string) => {
      const m = runChild(kind, file);
      console.log(`${label} (${fileLabel}): ${m.seconds.toFixed(2)} s (CPU ${m.cpuSeconds.toFixed(2)} s), peak RSS ${m.peakRssMiB.toFixed(0)} MiB — ${m.detail}`);
      rows.push([label, fileLabel, m]);
      return m;
    };
    const bigLabel = `${(orders / 1e6).toFixed(0)}M orders`;
    const smallLabel = `${(smallOrders / 1e6).toFixed(0)}M orders`;
    const baseline = run("baseline: stream + sum amount (fast reader)", bigLabel, "sum-fast", bigFile);
    const rfm = run("RFM: stream + aggregate + score + segment", bigLabel, "rfm", bigFile);
    const rfmSmall = run("RFM: stream + aggregate + score + segment", smallLabel, "rfm", smallFile);
    const baselineSmall = run("baseline: stream + sum amount (fast reader)", smallLabel, "sum-fast", smallFile);
    const csvParseSmall = run("reference: csv-parse stream + sum amount", smallLabel, "sum-csv-parse", smallFile);

    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    const lines = [
      "# RFM benchmark",
      "",
      `Command: \`npx tsx bench/analytics/rfm.ts\` (ORDERS=${orders}, CUSTOMERS=${customers}, seed 42)  `,
      `Machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (other jobs shared the machine)  `,
      `Input: synthetic orders CSV, ${bigMiB.toFixed(0)} MiB, ${customers.toLocaleString("en")} customers, generated in ${generateSeconds.toFixed(1)} s (not timed below).`,
      "",
      "| run | input | wall s | CPU s | peak RSS (MiB) | notes |",
      "|---|---|---:|---:|---:|---|",
      ...rows.map(([label, input, m]) => `| ${label} | ${input} | ${m.seconds.toFixed(2)} | ${m.cpuSeconds.toFixed(2)} | ${m.peakRssMiB.toFixed(0)} | ${m.detail} |`),
      "",
      `- RFM on ${bigLabel} took ${rfm.seconds.toFixed(1)} s wall / ${rfm.cpuSeconds.toFixed(1)} s CPU (target < 30 s): ${(rfm.cpuSeconds / baseline.cpuSeconds).toFixed(2)}× the CPU of a single parse-and-sum pass over the same file (${baseline.cpuSeconds.toFixed(1)} s CPU, ${baseline.seconds.toFixed(1)} s wall). The extra work is the per-customer Map lookup (random access over all customers), date and amount parsing, then sorting and scoring the customers.`,
      "- Wall time depends on what else runs: with the load average above 2 on 2 cores, CPU seconds are the comparable figure.",
      `- Memory is flat in the number of orders: peak RSS ${rfmSmall.peakRssMiB.toFixed(0)} MiB on ${smallLabel} vs ${rfm.peakRssMiB.toFixed(0)} MiB on ${bigLabel} (same ${customers.toLocaleString("en")} customers); it grows with customers, not orders.`,
      `- csv-parse's stream API needs ${csvParseSmall.seconds.toFixed(2)} s for ${smallLabel} (≈ ${((csvParseSmall.seconds * orders) / smallOrders).toFixed(0)} s for ${bigLabel}), vs ${baselineSmall.seconds.toFixed(2)} s for the line-splitting reader — hence \`apps/cli/src/analyze/stream-csv-columns.ts\`, which falls back to csv-parse whenever the file contains a quote.`,
      "",
    ];
    const out = path.join(path.dirname(thisFile), "RESULTS-rfm.md");
    writeFileSync(out, lines.join("\n"));
    console.log(`\n${lines.join("\n")}\nwritten to ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  const m = await measureInChild(process.argv[3], process.argv[4]);
  process.stdout.write(`${JSON.stringify(m)}\n`);
} else {
  await main();
}
