import { PlsInputError, type PlsMode, type PlsModel } from "./types.ts";

/**
 * A validated path model in index form: constructs and indicators numbered, blocks contiguous.
 * Indicator positions follow the order of the constructs, then the order within each block.
 */
export interface CompiledPlsModel {
  constructs: string[];
  modes: PlsMode[];
  /** Every indicator, block after block. */
  indicators: string[];
  /** blocks[j] lists the positions (into `indicators`) of construct j's indicators. */
  blocks: number[][];
  /** indicatorConstruct[i] is the construct measured by indicator i. */
  indicatorConstruct: number[];
  /** The model's paths as construct numbers, in the order given. */
  paths: [number, number][];
  predecessors: number[][];
  successors: number[][];
  /** Constructs in an order where every path points forward. */
  topologicalOrder: number[];
}

function findCycle(successors: number[][], names: string[]): string[] | undefined {
  const state = new Uint8Array(names.length); // 0 unseen, 1 on the current route, 2 done
  const route: number[] = [];
  const visit = (node: number): number[] | undefined => {
    state[node] = 1;
    route.push(node);
    for (const next of successors[node]) {
      if (state[next] === 1) return [...route.slice(route.indexOf(next)), next];
      if (state[next] === 0) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    route.pop();
    state[node] = 2;
    return undefined;
  };
  for (let node = 0; node < names.length; node++) {
    if (state[node] !== 0) continue;
    const cycle = visit(node);
    if (cycle) return cycle.map((c) => names[c]);
  }
  return undefined;
}

function topologicalOrder(predecessors: number[][], successors: number[][]): number[] {
  const waiting = predecessors.map((p) => p.length);
  const order: number[] = [];
  const ready = waiting.flatMap((count, node) => (count === 0 ? [node] : []));
  while (ready.length > 0) {
    const node = ready.shift() as number;
    order.push(node);
    for (const next of successors[node]) if (--waiting[next] === 0) ready.push(next);
  }
  return order;
}

/**
 * Validates a PLS path model and numbers its parts.
 * Checks: at least one construct; names unique; every construct has indicators and at least one path; no indicator
 * in two blocks; paths name known constructs, are not repeated, and form no cycle (the cycle is named); when
 * `columns` is given, every indicator is one of them.
 * Cost: O(constructs + indicators + paths).
 * @throws PlsInputError describing the first problem found.
 * @example compilePlsModel({ constructs: [{ name: "A", indicators: ["a1"] }, { name: "B", indicators: ["b1"] }],
 *   paths: [["A", "B"]] }).topologicalOrder // [0, 1]
 */
export function compilePlsModel(model: PlsModel, columns?: readonly string[]): CompiledPlsModel {
  if (!model || !Array.isArray(model.constructs) || model.constructs.length === 0) {
    throw new PlsInputError("the model has no constructs: list at least two constructs and a path between them");
  }
  if (!Array.isArray(model.paths)) throw new PlsInputError("the model has no list of paths");
  const constructs: string[] = [];
  const modes: PlsMode[] = [];
  const indicators: string[] = [];
  const blocks: number[][] = [];
  const indicatorConstruct: number[] = [];
  const owner = new Map<string, string>();
  const available = columns ? new Set(columns) : undefined;
  for (const construct of model.constructs) {
    const name = construct?.name;
    if (typeof name !== "string" || name === "") throw new PlsInputError("every construct needs a name");
    if (constructs.includes(name)) throw new PlsInputError(`construct ${name} is defined twice`);
    const mode = construct.mode ?? "A";
    if (mode !== "A" && mode !== "B") {
      throw new PlsInputError(`construct ${name} has mode "${String(mode)}": use "A" (reflective) or "B" (formative)`);
    }
    if (!Array.isArray(construct.indicators) || construct.indicators.length === 0) {
      throw new PlsInputError(`construct ${name} has no indicators`);
    }
    const block: number[] = [];
    for (const indicator of construct.indicators) {
      if (typeof indicator !== "string" || indicator === "") {
        throw new PlsInputError(`construct ${name} lists an indicator that is not a column name`);
      }
      const previous = owner.get(indicator);
      if (previous !== undefined) {
        throw new PlsInputError(
          previous === name
            ? `indicator ${indicator} is listed twice in construct ${name}`
            : `indicator ${indicator} is used by both ${previous} and ${name}: each indicator measures one construct`,
        );
      }
      if (available && !available.has(indicator)) {
        throw new PlsInputError(
          `indicator ${indicator} of construct ${name} is not a column of the data (columns: ${[...available].join(", ")})`,
        );
      }
      owner.set(indicator, name);
      block.push(indicators.length);
      indicators.push(indicator);
      indicatorConstruct.push(constructs.length);
    }
    constructs.push(name);
    modes.push(mode);
    blocks.push(block);
  }
  const position = new Map(constructs.map((name, index) => [name, index]));
  const predecessors: number[][] = constructs.map(() => []);
  const successors: number[][] = constructs.map(() => []);
  const paths: [number, number][] = [];
  for (const path of model.paths) {
    if (!Array.isArray(path) || path.length !== 2) {
      throw new PlsInputError(`each path must be a pair [from, to], got ${JSON.stringify(path)}`);
    }
    const [from, to] = path;
    for (const end of [from, to]) {
      if (!position.has(end)) {
        throw new PlsInputError(`path ${from} → ${to} names ${end}, which is not a construct (constructs: ${constructs.join(", ")})`);
      }
    }
    const a = position.get(from) as number;
    const b = position.get(to) as number;
    if (a === b) throw new PlsInputError(`the model is not acyclic: ${from} → ${to} points to itself`);
    if (successors[a].includes(b)) throw new PlsInputError(`path ${from} → ${to} is listed twice`);
    successors[a].push(b);
    predecessors[b].push(a);
    paths.push([a, b]);
  }
  const cycle = findCycle(successors, constructs);
  if (cycle) throw new PlsInputError(`the model is not acyclic: it contains the cycle ${cycle.join(" → ")}`);
  for (let j = 0; j < constructs.length; j++) {
    if (predecessors[j].length === 0 && successors[j].length === 0) {
      throw new PlsInputError(`construct ${constructs[j]} has no paths: connect it to another construct or remove it`);
    }
  }
  return {
    constructs,
    modes,
    indicators,
    blocks,
    indicatorConstruct,
    paths,
    predecessors,
    successors,
    topologicalOrder: topologicalOrder(predecessors, successors),
  };
}
