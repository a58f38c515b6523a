/**
 * Reads a QR code from a clean, axis-aligned PNG (the kind Kexin renders for a printed card) back into its text,
 * so a browser journey can open the address a phone camera would open. Not a camera decoder: no perspective, no
 * error correction — an unreadable or damaged symbol throws instead of guessing.
 *
 * Steps (ISO/IEC 18004): find the module grid from the top-left finder pattern, read the format information
 * (error-correction level and mask), read the codewords in the zigzag order around the function patterns,
 * unmask, de-interleave the data blocks and parse the numeric, alphanumeric and byte segments.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { PNG } = require("pngjs") as { PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } } };
// The standard's block tables (Table 9), as the qrcode package carries them; only the table is borrowed.
type TableLevel = { readonly bit: number };
const blockTables = require("qrcode/lib/core/error-correction-code.js") as {
  getBlocksCount(version: number, level: TableLevel): number;
  getTotalCodewordsCount(version: number, level: TableLevel): number;
};
const tableLevels = require("qrcode/lib/core/error-correction-level.js") as Record<"L" | "M" | "Q" | "H", TableLevel>;

type Grid = boolean[][];
const LEVEL_BITS = { L: 1, M: 0, Q: 3, H: 2 } as const;
const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/** The dark and light modules of the symbol in a PNG, sampled at each module's centre. */
export function readModules(png: Buffer): Grid {
  const image = PNG.sync.read(png);
  const isDark = (x: number, y: number) => {
    const index = (Math.floor(y) * image.width + Math.floor(x)) * 4;
    const luminance = (image.data[index]! + image.data[index + 1]! + image.data[index + 2]!) / 3;
    return image.data[index + 3]! > 127 && luminance < 128;
  };
  // The first dark pixel on the diagonal is the outer corner of the top-left finder pattern, 7 modules wide.
  let start = 0;
  while (start < Math.min(image.width, image.height) && !isDark(start, start)) start++;
  if (start >= Math.min(image.width, image.height)) throw new Error("no QR code in the image");
  let end = start;
  while (end < image.width && isDark(end, start)) end++;
  const moduleSize = (end - start) / 7;
  let right = image.width - 1;
  while (right > start && !isDark(right, start)) right--;
  // Symbols come in sizes 4 modules apart, so the nearest one to the estimate is the one; then the module size
  // is taken from the whole width, where a pixel of rounding matters least.
  const span = right + 1 - start;
  const version = Math.round((span / moduleSize - 17) / 4);
  if (version < 1 || version > 40) throw new Error(`the symbol is ${span / moduleSize} modules wide, which no QR version is`);
  const size = 17 + 4 * version;
  const pitch = span / size;
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => isDark(start + (column + 0.5) * pitch, start + (row + 0.5) * pitch)),
  );
}

/** Centres of the alignment patterns along one axis, as the standard spaces them. */
function alignmentCentres(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const size = 17 + 4 * version;
  const step = size === 145 ? 26 : Math.ceil((size - 13) / (2 * count - 2)) * 2;
  const centres = [size - 7];
  for (let index = 1; index < count - 1; index++) centres.push(centres[index - 1]! - step);
  centres.push(6);
  return centres.reverse();
}

/** The modules that carry no data: finders, separators, format and version areas, timing and alignment patterns. */
function functionModules(version: number): boolean[][] {
  const size = 17 + 4 * version;
  const reserved = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const mark = (row: number, column: number) => {
    if (row >= 0 && column >= 0 && row < size && column < size) reserved[row]![column] = true;
  };
  for (let row = 0; row < 9; row++) {
    for (let column = 0; column < 9; column++) {
      mark(row, column);
      if (column < 8) mark(row, size - 8 + column);
      if (row < 8) mark(size - 8 + row, column);
    }
  }
  for (let index = 0; index < size; index++) {
    mark(6, index);
    mark(index, 6);
  }
  const centres = alignmentCentres(version);
  for (const row of centres) {
    for (const column of centres) {
      const isOnFinder =
        (row === 6 && column === 6) || (row === 6 && column === centres.at(-1)) || (row === centres.at(-1) && column === 6);
      if (isOnFinder) continue;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) mark(row + dy, column + dx);
    }
  }
  if (version >= 7) {
    for (let a = 0; a < 6; a++) {
      for (let b = 0; b < 3; b++) {
        mark(a, size - 11 + b);
        mark(size - 11 + b, a);
      }
    }
  }
  return reserved;
}

const MASKS: ((row: number, column: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/** Error-correction level and mask, from the copy of the format information beside the top-left finder. */
function readFormat(grid: Grid): { level: keyof typeof LEVEL_BITS; mask: number } {
  const size = grid.length;
  let vertical = 0;
  let horizontal = 0;
  for (let bit = 0; bit < 15; bit++) {
    const row = bit < 6 ? bit : bit < 8 ? bit + 1 : size - 15 + bit;
    const column = bit < 8 ? size - bit - 1 : bit < 9 ? 15 - bit : 14 - bit;
    if (grid[row]![8]) vertical |= 1 << bit;
    if (grid[8]![column]) horizontal |= 1 << bit;
  }
  if (vertical !== horizontal) throw new Error("the two copies of the format information differ");
  const data = (vertical ^ 0x5412) >> 10;
  const level = (Object.keys(LEVEL_BITS) as (keyof typeof LEVEL_BITS)[]).find((key) => LEVEL_BITS[key] === data >> 3);
  if (!level) throw new Error("unreadable format information");
  return { level, mask: data & 7 };
}

/** The codewords in placement order: two-module columns from the right, up and down, skipping function modules. */
function readCodewords(grid: Grid, reserved: boolean[][], mask: number): number[] {
  const size = grid.length;
  const bits: number[] = [];
  let row = size - 1;
  let direction = -1;
  for (let column = size - 1; column > 0; column -= 2) {
    if (column === 6) column--;
    for (;;) {
      for (let offset = 0; offset < 2; offset++) {
        const x = column - offset;
        if (!reserved[row]![x]) bits.push(Number(grid[row]![x] !== MASKS[mask]!(row, x)));
      }
      row += direction;
      if (row < 0 || row >= size) {
        row -= direction;
        direction = -direction;
        break;
      }
    }
  }
  const codewords: number[] = [];
  for (let index = 0; index + 8 <= bits.length; index += 8) {
    codewords.push(bits.slice(index, index + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
  }
  return codewords;
}

/** The data codewords in order, undoing the interleaving of the error-correction blocks. */
function deinterleave(codewords: number[], version: number, level: keyof typeof LEVEL_BITS): number[] {
  const blocks = blockTables.getBlocksCount(version, tableLevels[level]);
  const errorCodewords = blockTables.getTotalCodewordsCount(version, tableLevels[level]);
  const total = codewords.length;
  const dataTotal = total - errorCodewords;
  const longBlocks = dataTotal % blocks;
  const shortLength = Math.floor(dataTotal / blocks);
  const lengths = Array.from({ length: blocks }, (_, block) => shortLength + (block >= blocks - longBlocks ? 1 : 0));
  const data: number[][] = lengths.map(() => []);
  let next = 0;
  for (let index = 0; index < shortLength + 1; index++) {
    for (let block = 0; block < blocks; block++) if (index < lengths[block]!) data[block]!.push(codewords[next++]!);
  }
  return data.flat();
}

function parseSegments(data: number[], version: number): string {
  let position = 0;
  const take = (count: number) => {
    let value = 0;
    for (let index = 0; index < count; index++, position++) {
      value = (value << 1) | ((data[position >> 3]! >> (7 - (position & 7))) & 1);
    }
    return value;
  };
  const countBits = (mode: "numeric" | "alphanumeric" | "byte") => {
    const band = version < 10 ? 0 : version < 27 ? 1 : 2;
    return { numeric: [10, 12, 14], alphanumeric: [9, 11, 13], byte: [8, 16, 16] }[mode][band]!;
  };
  const bytes: number[] = [];
  const pushText = (text: string) => bytes.push(...Buffer.from(text, "latin1"));
  while (position + 4 <= data.length * 8) {
    const mode = take(4);
    if (mode === 0) break;
    if (mode === 1) {
      let count = take(countBits("numeric"));
      for (; count >= 3; count -= 3) pushText(String(take(10)).padStart(3, "0"));
      if (count === 2) pushText(String(take(7)).padStart(2, "0"));
      if (count === 1) pushText(String(take(4)));
    } else if (mode === 2) {
      let count = take(countBits("alphanumeric"));
      for (; count >= 2; count -= 2) {
        const pair = take(11);
        pushText(ALPHANUMERIC[Math.floor(pair / 45)]! + ALPHANUMERIC[pair % 45]!);
      }
      if (count === 1) pushText(ALPHANUMERIC[take(6)]!);
    } else if (mode === 4) {
      const count = take(countBits("byte"));
      for (let index = 0; index < count; index++) bytes.push(take(8));
    } else {
      throw new Error(`unsupported QR segment mode ${mode}`);
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The text a QR code in a PNG encodes. */
export function readQrCode(png: Buffer): string {
  const grid = readModules(png);
  const version = (grid.length - 17) / 4;
  const { level, mask } = readFormat(grid);
  const codewords = readCodewords(grid, functionModules(version), mask);
  return parseSegments(deinterleave(codewords, version, level), version);
}
