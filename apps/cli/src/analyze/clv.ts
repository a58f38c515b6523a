/**
 * `kexin analyze clv` — BG/NBD purchase model, Gamma-Gamma spend model and discounted customer lifetime value,
 * from a transaction log (CSV or the CDNOW fixed-width format) or from per-customer summaries.
 */
import { readFileSync } from "node:fs";
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdProbabilityAlive,
  compareHoldout,
  customerLifetimeValue,
  DAYS_PER_MONTH,
  fitBgnbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  type ClvTransaction,
  type HoldoutComparison,
  summarizeTransactions,
  WEEKS_PER_MONTH,
} from "@kexin/analytics";
import type { Command } from "commander";
import { columnIndex, printJson, readTable, type Table } from "./read-table.ts";
import { UsageError } from "./usage-error.ts";

/** What `kexin analyze clv` prints. */
export interface ClvCommandOutput {
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
  gammaGamma: { p: number; q: number; v: number };
  customers: {
    id: string;
    x: number;
    tx: number;
    T: number;
    pAlive: number;
    /** Purchases expected over the horizon. */
    expectedPurchases: number;
    /** Expected value of one transaction (Gamma-Gamma). */
    expectedSpend: number;
    clv: number;
  }[];
  /** Predicted against actual purchases after the calibration end (transactions input reaching past it only). */
  holdout?: HoldoutComparison;
}

interface ClvCommandOptions {
  transactions?: string;
  summary?: string;
  format: string;
  calibrationEnd?: string;
  observationEnd?: string;
  period: string;
  horizon: string;
  discountRate: string;
  customerCol: string;
  dateCol: string;
  amountCol: string;
}

interface SummaryRow {
  id: string;
  frequency: number;
  recency: number;
  age: number;
  averageSpend: number;
  holdoutFrequency?: number;
}

/** "yyyy-mm-dd" or "yyyymmdd" → "yyyy-mm-dd", or null. */
function isoDate(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  if (/^\d{8}$/.test(trimmed)) return `${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6, 8)}`;
  return null;
}

/** Numeric ids lose leading zeros ("0001" → "1") so CDNOW ids match cdnow_summary.csv. */
function normaliseId(text: string): string {
  return /^\d+$/.test(text) ? String(Number(text)) : text;
}

/**
 * Reads the CDNOW log: whitespace-separated "master id, sample id, yyyymmdd, CDs, dollars" (CDNOW_sample.txt; the
 * sample id names the customer) or "id, yyyymmdd, CDs, dollars" (CDNOW_master.txt); a header line is skipped.
 * @throws UsageError naming the file and line.
 */
export function readCdnowLog(file: string): ClvTransaction[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const transactions: ClvTransaction[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === "" || (index === 0 && !/^\d+$/.test(fields[0]))) return;
    if (fields.length !== 4 && fields.length !== 5) {
      throw new UsageError(`${file} line ${index + 1}: expected 4 or 5 fields (id(s), yyyymmdd, CDs, dollars), got ${fields.length}`);
    }
    const [id, date, , dollars] = fields.length === 5 ? fields.slice(1) : fields;
    const iso = isoDate(date);
    const amount = Number(dollars);
    if (iso === null) throw new UsageError(`${file} line ${index + 1}: "${date}" is not a date (expected yyyymmdd)`);
    if (!Number.isFinite(amount)) throw new UsageError(`${file} line ${index + 1}: "${dollars}" is not an amount`);
    transactions.push({ customerId: normaliseId(id), date: iso, amount });
  });
  if (transactions.length === 0) throw new UsageError(`${file} has no transactions`);
  return transactions;
}

/** Reads a transactions CSV (customer, date as yyyy-mm-dd or yyyymmdd, amount). @throws UsageError naming the line. */
function readTransactionsCsv(file: string, options: ClvCommandOptions): ClvTransaction[] {
  const table = readTable(file);
  const [customer, date, amount] = [options.customerCol, options.dateCol, options.amountCol].map((name) => columnIndex(table, name));
  if (table.rows.length === 0) throw new UsageError(`${file} has a header but no transactions`);
  return table.rows.map((row, index) => {
    const line = index + 2;
    const iso = isoDate(row[date]);
    const value = Number(row[amount]);
    if (row[customer] === "") throw new UsageError(`${file} line ${line}: the ${options.customerCol} column is empty`);
    if (iso === null) throw new UsageError(`${file} line ${line}: ${options.dateCol} "${row[date]}" is not a date (expected yyyy-mm-dd)`);
    if (row[amount] === "" || !Number.isFinite(value)) {
      throw new UsageError(`${file} line ${line}: ${options.amountCol} "${row[amount]}" is not a number`);
    }
    return { customerId: row[customer], date: iso, amount: value };
  });
}

/** The first of several accepted column names that the table has (case-insensitive), or -1. */
function findColumn(table: Table, names: readonly string[]): number {
  for (const name of names) {
    const index = table.columns.findIndex((column) => column === name || (name !== "T" && column.toLowerCase() === name.toLowerCase()));
    if (index >= 0) return index;
  }
  return -1;
}

/** Reads per-customer summaries like cdnow_summary.csv (ID, x, t_x, T, zbar) or lifetimes' names. */
function readSummaryCsv(file: string): SummaryRow[] {
  const table = readTable(file);
  const required = {
    frequency: ["x", "frequency"],
    recency: ["t_x", "tx", "recency"],
    age: ["T", "age"],
    averageSpend: ["zbar", "monetary_value", "monetary", "average_spend"],
  } as const;
  const indices = Object.fromEntries(
    Object.entries(required).map(([key, names]) => {
      const index = findColumn(table, names);
      if (index < 0) throw new UsageError(`${file} needs a column ${names.join(" or ")} (columns: ${table.columns.join(", ")})`);
      return [key, index];
    }),
  ) as Record<keyof typeof required, number>;
  const idIndex = findColumn(table, ["id", "customer_id"]);
  if (table.rows.length === 0) throw new UsageError(`${file} has a header but no customers`);
  return table.rows.map((row, index) => {
    const values = Object.fromEntries(
      Object.entries(indices).map(([key, column]) => {
        const value = Number(row[column]);
        if (row[column] === "" || !Number.isFinite(value)) {
          throw new UsageError(`${file} line ${index + 2}: ${table.columns[column]} "${row[column]}" is not a number`);
        }
        return [key, value];
      }),
    ) as Record<keyof typeof required, number>;
    return { id: idIndex >= 0 ? row[idIndex] : String(index + 1), ...values };
  });
}

function parseNumber(text: string, flag: string, check: (value: number) => boolean, rule: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !check(value)) throw new UsageError(`${flag} must be ${rule}, got "${text}"`);
  return value;
}

/** Runs the analysis. Exposed for tests; the command prints its result. @throws UsageError on bad input. */
export function analyzeClv(options: ClvCommandOptions): ClvCommandOutput {
  if ((options.transactions === undefined) === (options.summary === undefined)) {
    throw new UsageError("give either --transactions FILE (with --calibration-end) or --summary FILE.csv");
  }
  if (options.period !== "week" && options.period !== "day") throw new UsageError(`--period must be week or day, got "${options.period}"`);
  const horizon = parseNumber(options.horizon, "--horizon", (v) => Number.isInteger(v) && v >= 1, "a whole number of months ≥ 1");
  const discountRate = parseNumber(options.discountRate, "--discount-rate", (v) => v > -1, "a rate per month above −1 (e.g. 0.01)");
  const period = options.period;
  const periodLength = period === "week" ? WEEKS_PER_MONTH : DAYS_PER_MONTH;

  let customers: SummaryRow[];
  let holdoutLength = 0;
  try {
    if (options.transactions !== undefined) {
      if (options.format !== "csv" && options.format !== "cdnow") throw new UsageError(`--format must be cdnow or csv, got "${options.format}"`);
      if (options.calibrationEnd === undefined) throw new UsageError("--calibration-end DATE is required with --transactions");
      const calibrationEnd = isoDate(options.calibrationEnd);
      if (calibrationEnd === null) throw new UsageError(`--calibration-end must be a date as yyyy-mm-dd, got "${options.calibrationEnd}"`);
      const observationEnd = options.observationEnd === undefined ? undefined : isoDate(options.observationEnd);
      if (observationEnd === null) throw new UsageError(`--observation-end must be a date as yyyy-mm-dd, got "${options.observationEnd}"`);
      const log = options.format === "cdnow" ? readCdnowLog(options.transactions) : readTransactionsCsv(options.transactions, options);
      const summary = summarizeTransactions(log, { calibrationEnd, observationEnd, period });
      customers = summary.customers.map((c) => ({ ...c, id: String(c.customerId) }));
      holdoutLength = summary.holdoutLength;
    } else {
      customers = readSummaryCsv(options.summary as string);
    }
    const columns = {
      frequency: Float64Array.from(customers, (c) => c.frequency),
      recency: Float64Array.from(customers, (c) => c.recency),
      age: Float64Array.from(customers, (c) => c.age),
      averageSpend: Float64Array.from(customers, (c) => c.averageSpend),
    };
    const bgnbd = fitBgnbd(columns);
    // Free repeat orders (average spend 0) cannot enter the spend model; leave them out and say so on stderr.
    const gammaGamma = fitGammaGamma(columns, { zeroSpend: "exclude" });
    if (gammaGamma.excludedZeroSpend > 0) {
      process.stderr.write(
        `kexin: note: ${gammaGamma.excludedZeroSpend} repeat buyers with average spend 0 were left out of the Gamma-Gamma fit\n`,
      );
    }
    const output: ClvCommandOutput = {
      bgnbd: { r: bgnbd.r, alpha: bgnbd.alpha, a: bgnbd.a, b: bgnbd.b, logLikelihood: bgnbd.logLikelihood },
      gammaGamma: { p: gammaGamma.p, q: gammaGamma.q, v: gammaGamma.v },
      customers: customers.map((c) => {
        const expectedSpend = gammaGammaExpectedSpend(gammaGamma, c.frequency, c.averageSpend);
        return {
          id: c.id,
          x: c.frequency,
          tx: c.recency,
          T: c.age,
          pAlive: bgnbdProbabilityAlive(bgnbd, c.frequency, c.recency, c.age),
          expectedPurchases: bgnbdConditionalExpectedPurchases(bgnbd, horizon * periodLength, c.frequency, c.recency, c.age),
          expectedSpend,
          clv: customerLifetimeValue(bgnbd, c, expectedSpend, { horizon, discountRate, periodLength }),
        };
      }),
    };
    if (holdoutLength > 0) {
      output.holdout = compareHoldout(
        bgnbd,
        customers.map((c) => ({ ...c, holdoutFrequency: c.holdoutFrequency ?? 0 })),
        holdoutLength,
      );
    }
    return output;
  } catch (error) {
    // The analytics throw RangeError on data they cannot model: that is bad input, not a Kexin failure.
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

/** Registers `kexin analyze clv`. */
export function registerClvCommand(analyze: Command): void {
  analyze
    .command("clv")
    .description(
      "customer lifetime value: BG/NBD purchases + Gamma-Gamma spend, fitted by maximum likelihood. " +
        "CLV sums the next --horizon months (4.345 weeks or 30 days each, as lifetimes), discounted by --discount-rate a month. " +
        "With --transactions the calibration ends at --calibration-end; later transactions become a holdout comparison",
    )
    .option("--transactions <file>", "transaction log (one row per purchase)")
    .option("--format <format>", "format of --transactions: csv (header customer_id,date,amount) or cdnow (fixed width)", "csv")
    .option("--calibration-end <date>", "last day of the calibration period, yyyy-mm-dd (with --transactions)")
    .option("--observation-end <date>", "last day of the holdout period (default: last transaction)")
    .option("--period <unit>", "time unit of the models: week or day (also the unit of a --summary file)", "week")
    .option("--summary <file>", "per-customer summary CSV: id, x|frequency, t_x|recency, T, zbar|monetary_value")
    .option("--horizon <months>", "months of future purchases in the CLV", "12")
    .option("--discount-rate <rate>", "discount rate per month", "0.01")
    .option("--customer-col <name>", "customer column of a csv log", "customer_id")
    .option("--date-col <name>", "date column of a csv log", "date")
    .option("--amount-col <name>", "amount column of a csv log", "amount")
    .action((options: ClvCommandOptions) => {
      printJson(analyzeClv(options));
    });
}
