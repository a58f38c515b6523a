/**
 * Writes a seeded synthetic orders CSV (customer_id,order_date,revenue) for the RFM benchmark.
 * Customers are drawn with a skewed (squared-uniform) popularity so frequency varies like real retail data.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { seededRandom } from "@kexin/analytics";

const START_DAY = Date.UTC(2020, 0, 1) / 86_400_000;
const SPAN_DAYS = 5 * 365;

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Writes `orders` rows for `customers` customers to `file`; returns the number of bytes written. */
export function generateOrdersCsv(file: string, orders: number, customers: number, seed: number): number {
  const random = seededRandom(seed);
  const dates = Array.from({ length: SPAN_DAYS }, (_, d) => isoDate(START_DAY + d));
  const ids = Array.from({ length: customers }, (_, c) => `C${String(c).padStart(7, "0")}`);
  const fd = openSync(file, "w");
  let bytes = writeSync(fd, "customer_id,order_date,revenue\n");
  const batch: string[] = [];
  for (let i = 0; i < orders; i++) {
    const u = random();
    const customer = ids[Math.floor(u * u * customers)];
    const date = dates[Math.floor(random() * SPAN_DAYS)];
    const revenue = (5 + random() * random() * 500).toFixed(2);
    batch.push(`${customer},${date},${revenue}\n`);
    if (batch.length === 100_000) {
      bytes += writeSync(fd, batch.join(""));
      batch.length = 0;
    }
  }
  if (batch.length > 0) bytes += writeSync(fd, batch.join(""));
  closeSync(fd);
  return bytes;
}
