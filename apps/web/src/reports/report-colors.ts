/** The report palette: one meaning per colour across every report, and a red-to-green ramp for rating scales. */
export const COLORS = {
  primary: "#1677ff",
  band: "rgba(22, 119, 255, 0.14)",
  good: "#389e0d",
  neutral: "#a0a7b4",
  bad: "#cf1322",
  warn: "#d48806",
  expectation: "#8c8c8c",
  perception: "#1677ff",
  brand: "#c8102e",
} as const;

/** Red (point 1) through grey (the middle) to green (the top point); n ≥ 2. */
const RAMP = ["#cf1322", "#f5222d", "#fa8c16", "#fadb14", "#a0d911", "#52c41a", "#389e0d"];

export function scaleColors(points: number): string[] {
  if (points <= 1) return [RAMP[5]];
  return Array.from({ length: points }, (_, index) => RAMP[Math.round((index * (RAMP.length - 1)) / (points - 1))]);
}

/** NPS points 0–10: detractors red, passives grey, promoters green. */
export function npsColor(value: number): string {
  return value <= 6 ? COLORS.bad : value <= 8 ? COLORS.neutral : COLORS.good;
}
