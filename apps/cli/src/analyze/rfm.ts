/**
 * `kexin analyze rfm` — RFM scores and segments from an orders CSV, by the conventions of R's rfm 0.3.0.
 * The file is streamed (see stream-csv-columns.ts): memory grows with customers, not orders.
 */
import { createRfmAccumulator, isoDay, type RfmAccumulator, scoreRfm } from "@kexin/analytics";
import type { Command } from "commander";
import { printJson } from "./read-table.ts";
import { streamCsvColumns } from "./stream-csv-columns.ts";
import { UsageError } from "./usage-error.ts";

/** What `kexin analyze rfm` prints. */
export interface RfmCommandOutput {
  breakpoints: { recency: number[]; frequency: number[]; monetary: number[] };
  customers: {
    id: string;
    recencyDays: number;
    frequency: number;
    monetary: number;
    r: number;
    f: number;
    m: number;
    score: number;
    segment: string;
  }[];
}

/** Input of rfmFromCsv: the file, the analysis date and the column names. */
export interface RfmFromCsvOptions {
  orders: string;
  analysisDate: string;
  customerColumn?: string;
  dateColumn?: string;
  amountColumn?: string;
}

const DATE_CACHE_LIMIT = 100_000;

/**
 * Streams an orders CSV into an RFM accumulator (one pass, flat memory).
 * @throws UsageError on a bad analysis date, a missing column, an empty customer id, a bad date or a non-numeric
 * amount (naming the line), or a file with no orders.
 */
export async function accumulateOrdersCsv(options: RfmFromCsvOptions): Promise<RfmAccumulator> {
  const { orders: file } = options;
  const analysisDay = isoDay(options.analysisDate);
  if (analysisDay === null || !/^\d{4}-\d{2}-\d{2}$/.test(options.analysisDate)) {
    throw new UsageError(`--analysis-date must be a date as YYYY-MM-DD, got "${options.analysisDate}"`);
  }
  const columns = [options.customerColumn ?? "customer_id", options.dateColumn ?? "order_date", options.amountColumn ?? "revenue"];
  let accumulator = createRfmAccumulator(analysisDay);
  // Dates repeat across orders; a bounded cache keeps parsing cheap without growing with the file.
  const dayOf = new Map<string, number>();
  await streamCsvColumns({
    file,
    columns,
    onStart: () => {
      accumulator = createRfmAccumulator(analysisDay);
    },
    onRow: (values, line) => {
      const [customer, dateText, amountText] = values;
      if (customer.length === 0) throw new UsageError(`${file} line ${line}: the ${columns[0]} column is empty`);
      let day = dayOf.get(dateText);
      if (day === undefined) {
        const parsed = isoDay(dateText);
        if (parsed === null) {
          throw new UsageError(`${file} line ${line}: ${columns[1]} "${dateText}" is not a date (expected YYYY-MM-DD)`);
        }
        if (dayOf.size >= DATE_CACHE_LIMIT) dayOf.clear();
        dayOf.set(dateText, parsed);
        day = parsed;
      }
      const amount = Number(amountText);
      if (amountText.length === 0 || !Number.isFinite(amount)) {
        throw new UsageError(`${file} line ${line}: ${columns[2]} "${amountText}" is not a number`);
      }
      accumulator.add(customer, day, amount);
    },
  });
  if (accumulator.orderCount === 0) throw new UsageError(`${file} has a header but no orders`);
  return accumulator;
}

/**
 * Scores the customers of an orders CSV: recency days = analysis date − last order date, frequency = number of
 * orders, monetary = sum of the amount column; quintile scores, R·100 + F·10 + M and rfm's default segments.
 * @throws UsageError as accumulateOrdersCsv does.
 */
export async function rfmFromCsv(options: RfmFromCsvOptions): Promise<RfmCommandOutput> {
  const accumulator = await accumulateOrdersCsv(options);
  const { breakpoints, customers } = scoreRfm(accumulator.customers());
  return {
    breakpoints,
    customers: customers.map(({ id, recencyDays, frequency, monetary, r, f, m, score, segment }) => ({
      id, recencyDays, frequency, monetary, r, f, m, score, segment,
    })),
  };
}

/** Registers `analyze rfm` on the `analyze` command. */
export function registerRfmCommand(analyze: Command): void {
  analyze
    .command("rfm")
    .description("RFM scores and segments (R package rfm 0.3.0 conventions) from an orders CSV")
    .requiredOption("--orders <file>", "orders CSV with a header row")
    .requiredOption("--analysis-date <date>", "analysis date, YYYY-MM-DD (recency is counted back from it)")
    .option("--customer-col <name>", "customer id column", "customer_id")
    .option("--date-col <name>", "order date column (YYYY-MM-DD)", "order_date")
    .option("--amount-col <name>", "order revenue column", "revenue")
    .action(async (flags: { orders: string; analysisDate: string; customerCol: string; dateCol: string; amountCol: string }) => {
      const output = await rfmFromCsv({
        orders: flags.orders,
        analysisDate: flags.analysisDate,
        customerColumn: flags.customerCol,
        dateColumn: flags.dateCol,
        amountColumn: flags.amountCol,
      });
      printJson(output);
    });
}
