/**
 * `kexin analyze pls` — PLS path modelling (the ACSI/ECSI estimator) of a survey CSV against a model JSON.
 * Parses and checks the flags, reads the files, calls @kexin/analytics, and prints one JSON document on stdout.
 */
import type { Command } from "commander";
import {
  compilePlsModel,
  constructIndexes,
  estimatePlsPrepared,
  PlsInputError,
  prepareIndicators,
  summarisePlsBootstrap,
  validateBootstrapPlan,
  type PlsModel,
  type PlsScheme,
} from "@kexin/analytics";
import { drawPlsBootstrapInWorkers } from "./pls-bootstrap-workers.ts";
import { columnIndex, printJson, readJson, readTable } from "./read-table.ts";
import { UsageError } from "./usage-error.ts";

/** Flags of `kexin analyze pls`, as commander hands them over (strings until checked). */
export interface PlsCommandFlags {
  data: string;
  model: string;
  scheme?: string;
  missing?: string;
  missingStrategy?: string;
  bootstrap?: string;
  seed?: string;
  scaleMin?: string;
  scaleMax?: string;
  /** Not a flag: worker threads for the bootstrap (tests pin it; default os.availableParallelism()). */
  workers?: number;
  /** Not a flag: iteration cap (tests use it to force non-convergence; default 300). */
  maxIterations?: number;
}

function parseNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number)) throw new UsageError(`${flag} must be a number, got "${value}"`);
  return number;
}

function parseWholeNumber(value: string | undefined, flag: string): number | undefined {
  const number = parseNumber(value, flag);
  if (number !== undefined && !Number.isInteger(number)) throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  return number;
}

/** Reads the model's columns as numbers: empty, NA and NaN cells are missing; anything else non-numeric is an error. */
function readIndicatorColumns(file: string, indicators: readonly string[]): Record<string, Float64Array> {
  const table = readTable(file);
  const columns: Record<string, Float64Array> = {};
  for (const name of indicators) {
    const index = columnIndex(table, name);
    const column = new Float64Array(table.rows.length);
    table.rows.forEach((row, r) => {
      const cell = row[index];
      if (cell === "" || cell === "NA" || cell === "NaN") {
        column[r] = Number.NaN;
        return;
      }
      const value = Number(cell);
      if (!Number.isFinite(value)) {
        throw new UsageError(`${file}, row ${r + 2}, column ${name}: "${cell}" is not a number`);
      }
      column[r] = value;
    });
    columns[name] = column;
  }
  return columns;
}

/**
 * Runs the analysis described by the flags and returns the JSON document the command prints, plus warnings for
 * stderr. Bad input throws UsageError.
 */
export async function runPlsCommand(flags: PlsCommandFlags): Promise<{ output: Record<string, unknown>; warnings: string[] }> {
  const scheme = (flags.scheme ?? "path") as PlsScheme;
  if (!["path", "centroid", "factorial"].includes(scheme)) {
    throw new UsageError(`--scheme must be path, centroid or factorial, got "${flags.scheme}"`);
  }
  const missingStrategy = flags.missingStrategy ?? "mean";
  if (missingStrategy !== "mean" && missingStrategy !== "casewise") {
    throw new UsageError(`--missing-strategy must be mean or casewise, got "${flags.missingStrategy}"`);
  }
  const missingCode = parseNumber(flags.missing, "--missing");
  const resamples = parseWholeNumber(flags.bootstrap, "--bootstrap");
  const seed = parseWholeNumber(flags.seed, "--seed") ?? 1;
  const scaleMin = parseNumber(flags.scaleMin, "--scale-min");
  const scaleMax = parseNumber(flags.scaleMax, "--scale-max");
  if ((scaleMin === undefined) !== (scaleMax === undefined)) {
    throw new UsageError("give both --scale-min and --scale-max (the answer scale) to compute the 0–100 index");
  }
  if (scaleMin !== undefined && scaleMax !== undefined && !(scaleMax > scaleMin)) {
    throw new UsageError(`--scale-max (${scaleMax}) must be greater than --scale-min (${scaleMin})`);
  }
  if (flags.seed !== undefined && resamples === undefined) throw new UsageError("--seed only applies with --bootstrap N");

  try {
    const model = readJson(flags.model) as PlsModel;
    const compiled = compilePlsModel(model);
    const data = readIndicatorColumns(flags.data, compiled.indicators);
    const prepared = prepareIndicators(data, compiled.indicators, { missingCode, missingStrategy });
    const options = { scheme, maxIterations: flags.maxIterations };
    const estimate = estimatePlsPrepared(prepared, compiled, { ...options, includeScores: false });
    const warnings: string[] = [];
    if (!estimate.converged) {
      warnings.push(`PLS did not converge in ${estimate.iterations} iterations: estimates are from the last iteration`);
    }
    let paths: Record<string, unknown>[] = estimate.paths.map(({ from, to, estimate: value }) => ({ from, to, estimate: value }));
    let bootstrap: Record<string, unknown> | undefined;
    if (resamples !== undefined) {
      validateBootstrapPlan(resamples, seed);
      const slices = await drawPlsBootstrapInWorkers({ prepared, model, options, seed, resamples, workers: flags.workers });
      const summary = summarisePlsBootstrap(estimate, compiled, slices);
      paths = summary.paths.map(({ from, to, estimate: value, se, t, ci }) => ({ from, to, estimate: value, se, t, ci }));
      bootstrap = {
        resamples,
        seed,
        failedResamples: summary.failedResamples,
        notConvergedResamples: summary.notConvergedResamples,
        loadings: summary.loadings,
        weights: summary.weights,
      };
      if (summary.failedResamples > 0) warnings.push(`${summary.failedResamples} bootstrap resamples could not be estimated and were left out`);
    }
    const output: Record<string, unknown> = {
      paths,
      rSquared: estimate.rSquared,
      rSquaredAdjusted: estimate.rSquaredAdjusted,
      outerWeights: estimate.outerWeights,
      loadings: estimate.loadings,
      reliability: estimate.reliability,
      htmt: estimate.htmt,
      totalEffects: estimate.effects,
      ...(scaleMin !== undefined && scaleMax !== undefined ? { index: constructIndexes(estimate, { scaleMin, scaleMax }) } : {}),
      iterations: estimate.iterations,
      converged: estimate.converged,
      cases: estimate.cases,
      ...(bootstrap ? { bootstrap } : {}),
    };
    return { output, warnings };
  } catch (error) {
    if (error instanceof PlsInputError) throw new UsageError(error.message);
    throw error;
  }
}

/** Adds `pls` to `kexin analyze`. */
export function registerPlsCommand(analyze: Command): void {
  analyze
    .command("pls")
    .description("PLS path model (PLS-SEM, the ACSI/ECSI estimator): paths, R², weights, loadings, reliability, HTMT")
    .requiredOption("--data <file>", "survey CSV with one column per indicator")
    .requiredOption("--model <file>", 'model JSON: {"constructs":[{"name","indicators":[…],"mode":"A"|"B"}],"paths":[[from,to],…]}')
    .option("--scheme <scheme>", "inner weighting: path, centroid or factorial", "path")
    .option("--missing <code>", "number that means a missing answer, e.g. -99 (empty cells and NA are always missing)")
    .option("--missing-strategy <strategy>", "mean (replace by the indicator mean) or casewise (drop the case)", "mean")
    .option("--bootstrap <n>", "bootstrap resamples for standard errors, t values and 95% percentile intervals")
    .option("--seed <s>", "bootstrap seed (whole number; default 1): the same seed gives the same result")
    .option("--scale-min <a>", "lowest answer on the scale, for the 0–100 index")
    .option("--scale-max <b>", "highest answer on the scale, for the 0–100 index")
    .action(async (flags: PlsCommandFlags) => {
      const { output, warnings } = await runPlsCommand(flags);
      for (const warning of warnings) process.stderr.write(`kexin: warning: ${warning}\n`);
      printJson(output);
    });
}
