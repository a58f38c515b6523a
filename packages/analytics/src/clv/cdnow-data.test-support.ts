/**
 * Test support (not exported): reads the CDNOW reference files from ../shared/data beside the repository.
 * Tests skip with a message when that folder is absent (a fresh clone).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ClvTransaction } from "./summarize-transactions.ts";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const cdnowFolder = resolve(repositoryRoot, "../shared/data/cdnow");

/** Whether the CDNOW files are there; warns once with the path looked at when they are not. */
export const hasCdnowData = existsSync(resolve(cdnowFolder, "cdnow_summary.csv")) && existsSync(resolve(cdnowFolder, "CDNOW_sample.txt"));
if (!hasCdnowData) console.warn(`skipping CDNOW reference tests: data not found in ${cdnowFolder}`);

/** cdnow_summary.csv (lifetimes): ID, x, t_x, T, zbar per customer, as columns. */
export function readCdnowSummary(): { id: number[]; frequency: Float64Array; recency: Float64Array; age: Float64Array; averageSpend: Float64Array } {
  const lines = readFileSync(resolve(cdnowFolder, "cdnow_summary.csv"), "utf8").trim().split(/\r?\n/).slice(1);
  const cells = lines.map((line) => line.split(",").map(Number));
  return {
    id: cells.map((row) => row[0]),
    frequency: Float64Array.from(cells, (row) => row[1]),
    recency: Float64Array.from(cells, (row) => row[2]),
    age: Float64Array.from(cells, (row) => row[3]),
    averageSpend: Float64Array.from(cells, (row) => row[4]),
  };
}

/** CDNOW_sample.txt: master id, sample id, yyyymmdd, CDs, dollars; the sample id is the customer id of the summary. */
export function readCdnowSampleLog(): ClvTransaction[] {
  return readFileSync(resolve(cdnowFolder, "CDNOW_sample.txt"), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      return { customerId: Number(sampleId), date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, amount: Number(dollars) };
    });
}
