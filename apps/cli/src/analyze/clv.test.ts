import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { describe, expect, it, vi } from "vitest";
import { type ClvCommandOutput, registerClvCommand } from "./clv.ts";
import { UsageError } from "./usage-error.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const cdnowFolder = path.resolve(repoRoot, "../shared/data/cdnow");
const hasCdnow = existsSync(path.join(cdnowFolder, "CDNOW_sample.txt")) && existsSync(path.join(cdnowFolder, "cdnow_summary.csv"));
if (!hasCdnow) console.warn(`skipping the CLV CLI reference-data tests: CDNOW files not found in ${cdnowFolder}`);

function writeTemp(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "kexin-clv-")), name);
  writeFileSync(file, text);
  return file;
}

/** Runs `analyze clv <args>` with only this command registered and returns the JSON it printed. */
async function runClv(args: string[]): Promise<ClvCommandOutput> {
  const program = new Command().exitOverride();
  registerClvCommand(program.command("analyze").exitOverride());
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["node", "kexin", "analyze", "clv", ...args]);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(out) as ClvCommandOutput;
}

/** A small synthetic log: 60 customers with varied repeat buying and spend, some buying after the calibration end. */
function syntheticLogCsv(): string {
  const lines = ["customer_id,date,amount"];
  for (let c = 0; c < 60; c++) {
    const firstDay = 1 + (c % 20);
    lines.push(`cust-${c},2020-01-${String(firstDay).padStart(2, "0")},${10 + (c % 7)}`);
    const repeats = c % 5;
    for (let k = 1; k <= repeats; k++) {
      const month = 1 + Math.min(11, k * 2 + (c % 3));
      lines.push(`cust-${c},2020-${String(month).padStart(2, "0")}-15,${8 + ((c * k) % 11)}`);
    }
    if (c % 4 === 0) lines.push(`cust-${c},2021-02-10,12`); // holdout
  }
  return `${lines.join("\n")}\n`;
}

describe("kexin analyze clv", () => {
  it("fits BG/NBD and Gamma-Gamma on a CSV log and reports CLV and the holdout", async () => {
    const file = writeTemp("log.csv", syntheticLogCsv());
    const out = await runClv(["--transactions", file, "--calibration-end", "2020-12-31", "--horizon", "6"]);
    expect(Object.keys(out)).toEqual(["bgnbd", "gammaGamma", "customers", "holdout"]);
    expect(Object.keys(out.bgnbd)).toEqual(["r", "alpha", "a", "b", "logLikelihood"]);
    expect(Object.keys(out.gammaGamma)).toEqual(["p", "q", "v"]);
    expect(out.customers).toHaveLength(60);
    expect(Object.keys(out.customers[0])).toEqual(["id", "x", "tx", "T", "pAlive", "expectedPurchases", "expectedSpend", "clv"]);
    expect(out.customers[0].id).toBe("cust-0");
    expect(out.holdout?.total.actualTotal).toBe(15);
    for (const customer of out.customers) {
      for (const value of [customer.pAlive, customer.expectedPurchases, customer.expectedSpend, customer.clv]) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("reads custom column names", async () => {
    const file = writeTemp("log.csv", syntheticLogCsv().replace("customer_id,date,amount", "who,when,paid"));
    const out = await runClv(["--transactions", file, "--calibration-end", "2020-12-31", "--customer-col", "who", "--date-col", "when", "--amount-col", "paid"]);
    expect(out.customers).toHaveLength(60);
  });

  it("rejects bad input with a UsageError naming the problem", async () => {
    const log = writeTemp("log.csv", syntheticLogCsv());
    const badDate = writeTemp("bad.csv", "customer_id,date,amount\na,2020-01-01,5\nb,01/02/2020,3\n");
    const negative = writeTemp("neg.csv", "customer_id,date,amount\na,2020-01-01,5\na,2020-02-01,-3\n");
    const badSummary = writeTemp("summary.csv", "ID,x,t_x,T,zbar\n1,2,40,38,10\n");
    const noColumn = writeTemp("summary2.csv", "ID,x,t_x,zbar\n1,2,30,10\n");
    await expect(runClv(["--transactions", log])).rejects.toThrow(/--calibration-end DATE is required/);
    await expect(runClv(["--calibration-end", "2020-12-31"])).rejects.toThrow(/either --transactions/);
    await expect(runClv(["--transactions", log, "--summary", badSummary])).rejects.toThrow(/either --transactions/);
    await expect(runClv(["--transactions", log, "--calibration-end", "31/12/2020"])).rejects.toThrow(/--calibration-end must be a date/);
    await expect(runClv(["--transactions", log, "--calibration-end", "2020-12-31", "--horizon", "0"])).rejects.toThrow(/--horizon/);
    await expect(runClv(["--transactions", log, "--calibration-end", "2020-12-31", "--format", "xml"])).rejects.toThrow(/--format/);
    await expect(runClv(["--transactions", log, "--calibration-end", "2020-12-31", "--period", "month"])).rejects.toThrow(/--period/);
    await expect(runClv(["--transactions", badDate, "--calibration-end", "2020-12-31"])).rejects.toThrow(/line 3: date "01\/02\/2020" is not a date/);
    await expect(runClv(["--transactions", negative, "--calibration-end", "2020-12-31"])).rejects.toThrow(/amounts must be numbers ≥ 0/);
    await expect(runClv(["--summary", badSummary])).rejects.toThrow(UsageError);
    await expect(runClv(["--summary", badSummary])).rejects.toThrow(/T must be ≥ t_x/);
    await expect(runClv(["--summary", noColumn])).rejects.toThrow(/needs a column T or age/);
    await expect(runClv(["--transactions", "/nonexistent/log.csv", "--calibration-end", "2020-12-31"])).rejects.toThrow(/cannot read/);
  });

  it.skipIf(!hasCdnow)("reproduces the published CDNOW fits from the summary and from the raw log", async () => {
    const fromSummary = await runClv(["--summary", path.join(cdnowFolder, "cdnow_summary.csv")]);
    expect(fromSummary.bgnbd.r).toBeCloseTo(0.2426, 4);
    expect(fromSummary.bgnbd.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fromSummary.gammaGamma.p).toBeCloseTo(6.25, 1);
    expect(fromSummary.customers[0]).toMatchObject({ id: "1", x: 2, tx: 30.43, T: 38.86 });
    const fromLog = await runClv(["--transactions", path.join(cdnowFolder, "CDNOW_sample.txt"), "--format", "cdnow", "--calibration-end", "1997-09-30"]);
    expect(fromLog.customers).toHaveLength(2357);
    expect(fromLog.customers[0].id).toBe("1");
    expect(fromLog.bgnbd.r).toBeCloseTo(0.2426, 3);
    expect(fromLog.bgnbd.a).toBeCloseTo(0.7929, 3);
    expect(fromLog.holdout?.holdoutLength).toBeCloseTo(39, 10);
    expect(fromLog.holdout?.total.actualTotal).toBe(1882);
    // The same customer's prediction from either input.
    expect(fromLog.customers[0].expectedPurchases).toBeCloseTo(fromSummary.customers[0].expectedPurchases, 2);
  });
});
