import { describe, expect, it } from "vitest";
import { layoutPathModel, pathColumns } from "./path-layout.ts";

// The ECSI model of the ecsi-model template.
const ECSI = ["imag", "cuex", "perq", "perv", "cusa", "cusl"];
const ECSI_PATHS = [
  ["imag", "cuex"], ["imag", "cusa"], ["imag", "cusl"], ["cuex", "perq"], ["cuex", "perv"], ["cuex", "cusa"],
  ["perq", "perv"], ["perq", "cusa"], ["perv", "cusa"], ["cusa", "cusl"],
].map(([from, to]) => ({ from, to }));

describe("pathColumns", () => {
  it("puts each construct one column right of its furthest predecessor", () => {
    expect(Object.fromEntries(pathColumns(ECSI, ECSI_PATHS))).toEqual({ imag: 0, cuex: 1, perq: 2, perv: 3, cusa: 4, cusl: 5 });
  });

  it("gives constructs that share a column the same one", () => {
    const columns = pathColumns(["a", "b", "c"], [{ from: "a", to: "c" }, { from: "b", to: "c" }]);
    expect(Object.fromEntries(columns)).toEqual({ a: 0, b: 0, c: 1 });
  });

  it("ends even when a cycle slipped into the model", () => {
    const columns = pathColumns(["a", "b"], [{ from: "a", to: "b" }, { from: "b", to: "a" }]);
    expect(columns.size).toBe(2);
  });
});

describe("layoutPathModel", () => {
  it("zig-zags a chain between the top and bottom rows so every arrow points right", () => {
    const layout = layoutPathModel(ECSI, ECSI_PATHS);
    expect(layout.columns).toBe(6);
    expect(layout.rows).toBe(3);
    const at = new Map(layout.nodes.map((node) => [node.key, node]));
    expect(ECSI.map((key) => at.get(key)!.row)).toEqual([0, 2, 0, 2, 0, 2]);
    for (const path of ECSI_PATHS) expect(at.get(path.to)!.column).toBeGreaterThan(at.get(path.from)!.column);
  });

  it("bends a path between two constructs of one row into the middle, and keeps others straight", () => {
    const layout = layoutPathModel(ECSI, ECSI_PATHS);
    const curve = (from: string, to: string) => layout.edges.find((edge) => edge.from === from && edge.to === to)!.curveness;
    expect(curve("imag", "cusa")).toBeLessThan(0); // top row: bends down
    expect(curve("cuex", "perv")).toBeGreaterThan(0); // bottom row: bends up
    expect(curve("imag", "cuex")).toBe(0);
    expect(curve("imag", "cusl")).toBe(0);
  });

  it("spreads several constructs of one column over the rows", () => {
    const layout = layoutPathModel(["a", "b", "c", "d"], [{ from: "a", to: "d" }, { from: "b", to: "d" }, { from: "c", to: "d" }]);
    expect(layout.nodes.filter((node) => node.column === 0).map((node) => node.row)).toEqual([0, 1, 2]);
  });
});
