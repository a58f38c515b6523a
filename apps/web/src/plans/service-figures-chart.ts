/** What the service-figure charts share: their colours and a percent axis that zooms in on where the figures lie. */
export const SERVICE_FIGURE_COLORS = { onTime: "#1677ff", inspection: "#52c41a" } as const;

/**
 * A 0–100 % value axis starting just below the lowest figure (rounded down to 5), so 95 % and 98 % do not look
 * alike on a scale from 0; from 0 when a figure is low anyway.
 */
export function percentAxis(values: (number | null)[]) {
  const present = values.filter((value): value is number => value !== null);
  const lowest = present.length > 0 ? Math.min(...present) : 0;
  const min = lowest >= 50 ? Math.max(0, Math.floor((lowest - 5) / 5) * 5) : 0;
  // Round steps: 5 points when zoomed in, 20 on the full scale.
  const interval = min >= 50 ? 5 : 20;
  return { type: "value" as const, min, max: 100, interval, axisLabel: { formatter: "{value}%" } };
}
