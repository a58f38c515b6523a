/**
 * Where the constructs of a path model sit in the diagram: left to right by path order (a construct's column is the
 * longest chain of paths leading to it), so every arrow points right. A column holding one construct alternates
 * between the top and the bottom row with an empty row between, so a chain zig-zags and a path that skips columns
 * runs diagonally through the empty middle rather than through the constructs it skips; a path between two
 * constructs of the same row bends into the middle, under (or over) the constructs between them.
 */

export interface LayoutNode {
  key: string;
  column: number;
  /** Vertical position: 0 is the top row; columns with several constructs spread them over 0 … n − 1. */
  row: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
  /** ECharts curveness: 0 for a straight arrow; positive or negative bends it to one side or the other. */
  curveness: number;
}

export interface PathLayout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  columns: number;
  rows: number;
}

/** Column of each construct: 0 for those no path points at, else one more than the furthest predecessor. */
export function pathColumns(keys: readonly string[], paths: readonly { from: string; to: string }[]): Map<string, number> {
  const columns = new Map(keys.map((key) => [key, 0]));
  // Longest-path relaxation; a model has no cycles, but stop after |keys| rounds if one slipped in.
  for (let round = 0; round < keys.length; round++) {
    let changed = false;
    for (const path of paths) {
      const from = columns.get(path.from);
      const to = columns.get(path.to);
      if (from === undefined || to === undefined) continue;
      if (to < from + 1) {
        columns.set(path.to, from + 1);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return columns;
}

export function layoutPathModel(keys: readonly string[], paths: readonly { from: string; to: string }[]): PathLayout {
  const columnOf = pathColumns(keys, paths);
  const byColumn = new Map<number, string[]>();
  for (const key of keys) byColumn.set(columnOf.get(key)!, [...(byColumn.get(columnOf.get(key)!) ?? []), key]);
  const columnCount = byColumn.size === 0 ? 0 : Math.max(...byColumn.keys()) + 1;
  const rows = Math.max(3, ...[...byColumn.values()].map((members) => members.length));

  const nodes: LayoutNode[] = [];
  for (const [column, members] of [...byColumn].sort(([a], [b]) => a - b)) {
    if (members.length === 1) {
      nodes.push({ key: members[0], column, row: column % 2 === 0 ? 0 : rows - 1 });
    } else {
      const step = (rows - 1) / (members.length - 1);
      members.forEach((key, index) => nodes.push({ key, column, row: index * step }));
    }
  }
  const position = new Map(nodes.map((node) => [node.key, node]));
  const edges = paths
    .filter((path) => position.has(path.from) && position.has(path.to))
    .map((path) => {
      const from = position.get(path.from)!;
      const to = position.get(path.to)!;
      const span = to.column - from.column;
      const isLevel = Math.abs(from.row - to.row) < 1e-9;
      if (span <= 1 || !isLevel) return { from: path.from, to: path.to, curveness: 0 };
      // Bend about the same height whatever the span (enough to clear the circles between); ECharts bends a
      // left-to-right edge upwards for positive curveness, so the top row bends down and the bottom row up.
      const bend = Math.min(0.4, 0.9 / span);
      return { from: path.from, to: path.to, curveness: from.row < (rows - 1) / 2 ? -bend : bend };
    });
  return { nodes, edges, columns: columnCount, rows };
}
