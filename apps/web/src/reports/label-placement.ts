/**
 * Which side of its point each label of a scatter map goes, so that names of points close together do not print
 * over each other: the first side (right, then above, below, left) whose label box covers no other point and no
 * label already placed. Boxes are estimated from the text length in chart pixels; good enough for maps of a few dozen points.
 */

export type LabelSide = "right" | "top" | "bottom" | "left";

export interface PlacedPoint {
  /** Pixel position of the point (x right, y down). */
  x: number;
  y: number;
  /** Label width and height in pixels. */
  width: number;
  height: number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 8;
const SIDES: readonly LabelSide[] = ["right", "top", "bottom", "left"];

function boxOf(point: PlacedPoint, side: LabelSide): Box {
  const { x, y, width, height } = point;
  switch (side) {
    case "right":
      return { left: x + GAP, right: x + GAP + width, top: y - height / 2, bottom: y + height / 2 };
    case "left":
      return { left: x - GAP - width, right: x - GAP, top: y - height / 2, bottom: y + height / 2 };
    case "top":
      return { left: x - width / 2, right: x + width / 2, top: y - GAP - height, bottom: y - GAP };
    case "bottom":
      return { left: x - width / 2, right: x + width / 2, top: y + GAP, bottom: y + GAP + height };
  }
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Half the side of a point's marker, which labels must not cover either. */
const MARKER = 7;

export function placeLabels(points: readonly PlacedPoint[]): LabelSide[] {
  const markers: Box[] = points.map(({ x, y }) => ({ left: x - MARKER, right: x + MARKER, top: y - MARKER, bottom: y + MARKER }));
  const placed: Box[] = [];
  return points.map((point, index) => {
    const obstacles = [...placed, ...markers.filter((_, other) => other !== index)];
    const side = SIDES.find((candidate) => !obstacles.some((box) => overlaps(box, boxOf(point, candidate)))) ?? "right";
    placed.push(boxOf(point, side));
    return side;
  });
}

/** Rough width of a label: CJK characters count about one font size, others about half. */
export function labelWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const character of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(character) ? fontSize : fontSize * 0.55;
  return width;
}

/** A plot area of this size stands for the chart when placing labels (about the printed size: the tightest case). */
const NOMINAL_PLOT = { width: 600, height: 380 };

/** Sides for the labels of points given in axis units, on axes spanning `x` and `y`. */
export function scatterLabelSides(
  points: readonly { x: number; y: number; name: string }[],
  x: { min: number; max: number },
  y: { min: number; max: number },
  fontSize = 11,
): LabelSide[] {
  const spanX = x.max - x.min || 1;
  const spanY = y.max - y.min || 1;
  return placeLabels(
    points.map((point) => ({
      x: ((point.x - x.min) / spanX) * NOMINAL_PLOT.width,
      y: (1 - (point.y - y.min) / spanY) * NOMINAL_PLOT.height,
      width: labelWidth(point.name, fontSize),
      height: fontSize + 3,
    })),
  );
}

/**
 * Text broken into lines no wider than `maxWidth` (estimated as labelWidth does): at spaces and between Chinese
 * characters, never inside a Latin word. A word longer than a line gets a line of its own.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  // Each CJK character may end a line; a run of other characters (a word, "(IMAG)") stays whole.
  const pieces = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    if (line && labelWidth((line + piece).trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else {
      line += piece;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
