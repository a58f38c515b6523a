/**
 * Runs a PLS bootstrap across worker threads. Resample k always draws from a generator seeded by (seed, k), and each
 * worker gets a contiguous slice of resample numbers, so the result is the same for any number of workers.
 * This file is both the runner (main thread) and the worker entry (when started with pls-bootstrap work).
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import {
  compilePlsModel,
  drawPlsBootstrap,
  type PlsAlgorithmOptions,
  type PlsBootstrapDraws,
  type PlsModel,
  type PreparedIndicators,
} from "@kexin/analytics";

/** One slice of bootstrap work, as sent to a worker. */
interface BootstrapSliceJob {
  kind: "kexin-pls-bootstrap";
  prepared: PreparedIndicators;
  model: PlsModel;
  options: PlsAlgorithmOptions;
  seed: number;
  first: number;
  count: number;
}

/** What the parallel bootstrap needs. */
export interface ParallelBootstrapInput {
  prepared: PreparedIndicators;
  model: PlsModel;
  options: PlsAlgorithmOptions;
  seed: number;
  resamples: number;
  /** Worker threads to use; defaults to os.availableParallelism(). 1 runs in this thread. */
  workers?: number;
}

function runSlice(job: Omit<BootstrapSliceJob, "kind">): PlsBootstrapDraws {
  return drawPlsBootstrap(job.prepared, compilePlsModel(job.model), job.options, job.seed, job.first, job.count);
}

/**
 * Bootstrap code for a worker: registers tsx's TypeScript loader, then imports this file. (`execArgv: ["--import",
 * "tsx"]` is not enough on Node 20: a worker loads its entry before --import hooks apply.) tsx is resolved from
 * here so workers find it whatever the current directory is.
 */
function workerBootstrap(): string {
  // The ESM build of tsx/esm/api (require.resolve would give the CommonJS one), found through tsx's own exports map.
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const entry = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports["./esm/api"];
  const tsxApi = pathToFileURL(join(dirname(manifest), entry.import.default)).href;
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
}

/** Copies the data into shared memory once, so workers read one copy instead of one clone each. */
function sharePrepared(prepared: PreparedIndicators): PreparedIndicators {
  const shared = new Float64Array(new SharedArrayBuffer(prepared.values.byteLength));
  shared.set(prepared.values);
  return { ...prepared, values: shared };
}

function startWorker(job: BootstrapSliceJob, bootstrap: string): Promise<PlsBootstrapDraws> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    let settled = false;
    worker.once("message", (draws: PlsBootstrapDraws) => {
      settled = true;
      resolve(draws);
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`bootstrap worker for resamples ${job.first}–${job.first + job.count - 1} exited with code ${code}`));
    });
  });
}

/**
 * Draws `resamples` bootstrap resamples split across worker threads and returns the slices (in resample order).
 * Deterministic for a given seed regardless of `workers`.
 * Cost: O(resamples · rows · indicators² / workers) wall time, plus ~50 ms to start each worker.
 */
export async function drawPlsBootstrapInWorkers(input: ParallelBootstrapInput): Promise<PlsBootstrapDraws[]> {
  const workers = Math.max(1, Math.min(input.workers ?? availableParallelism(), input.resamples));
  const { prepared, model, options, seed, resamples } = input;
  if (workers === 1) return [runSlice({ prepared, model, options, seed, first: 0, count: resamples })];
  const shared = sharePrepared(prepared);
  const bootstrap = workerBootstrap();
  const jobs: Promise<PlsBootstrapDraws>[] = [];
  for (let w = 0; w < workers; w++) {
    const first = Math.floor((w * resamples) / workers);
    const count = Math.floor(((w + 1) * resamples) / workers) - first;
    jobs.push(startWorker({ kind: "kexin-pls-bootstrap", prepared: shared, model, options, seed, first, count }, bootstrap));
  }
  return Promise.all(jobs);
}

if (!isMainThread && (workerData as BootstrapSliceJob | undefined)?.kind === "kexin-pls-bootstrap") {
  const draws = runSlice(workerData as BootstrapSliceJob);
  parentPort?.postMessage(draws, [draws.draws.buffer as ArrayBuffer, draws.failed.buffer as ArrayBuffer]);
}
