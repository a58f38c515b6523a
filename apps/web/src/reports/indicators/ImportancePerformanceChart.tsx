/**
 * The importance–performance map (Martilla & James): performance across, importance up, the crosshair at the
 * means the server cut at, and the four quadrants named — concentrate here (important, weak), keep up the good
 * work, low priority, possible overkill. Each indicator sits in the quadrant the server assigned it.
 */
import type { ImportancePerformanceGrid } from "@kexin/contracts";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { COLORS } from "../report-colors.ts";
import { ReportChart, type ChartOption } from "../ReportChart.tsx";
import { scatterLabelSides } from "../label-placement.ts";
import { useReportFormat } from "../useReportFormat.ts";

type Quadrant = ImportancePerformanceGrid["attributes"][number]["quadrant"];

export const QUADRANT_COLORS: Record<Quadrant, string> = {
  "concentrate here": COLORS.bad,
  "keep up the good work": COLORS.good,
  "low priority": COLORS.neutral,
  "possible overkill": COLORS.warn,
};

/** Axis bounds that hold every point and the cut with some room, on round numbers. */
export function axisBounds(values: readonly number[], cut: number): { min: number; max: number } {
  const low = Math.min(cut, ...values);
  const high = Math.max(cut, ...values);
  const pad = Math.max(2, (high - low) * 0.12);
  return { min: Math.floor((low - pad) / 5) * 5, max: Math.ceil((high + pad) / 5) * 5 };
}

export function ImportancePerformanceChart({ grid }: { grid: ImportancePerformanceGrid }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const option = useMemo((): ChartOption => {
    const x = axisBounds(grid.attributes.map((a) => a.performance), grid.performanceCut);
    const y = axisBounds(grid.attributes.map((a) => a.importance), grid.importanceCut);
    const sides = scatterLabelSides(
      grid.attributes.map((a) => ({ x: a.performance, y: a.importance, name: format.text(a.title) })),
      x,
      y,
    );
    const quadrant = (name: Quadrant, x0: number, x1: number, y0: number, y1: number, position: string) => [
      {
        name: t(`reports.indicators.quadrants.${name}`),
        xAxis: x0,
        yAxis: y0,
        itemStyle: { color: QUADRANT_COLORS[name], opacity: 0.06 },
        label: { position, color: QUADRANT_COLORS[name], fontWeight: "bold" as const, fontSize: 13 },
      },
      { xAxis: x1, yAxis: y1 },
    ];
    const px = grid.performanceCut;
    const iy = grid.importanceCut;
    return {
      grid: { left: 56, right: 24, top: 24, bottom: 48 },
      tooltip: {
        trigger: "item",
        formatter: (item: unknown) => {
          const attribute = grid.attributes[(item as { dataIndex: number }).dataIndex];
          if (!attribute) return "";
          return [
            `<b>${format.text(attribute.title)}</b>`,
            `${t("reports.indicators.performance")}: ${format.decimal(attribute.performance, 1)}`,
            `${t("reports.indicators.importance")}: ${format.decimal(attribute.importance, 1)}`,
            `${t(`reports.indicators.quadrants.${attribute.quadrant}`)} — ${t(`reports.indicators.quadrantHints.${attribute.quadrant}`)}`,
          ].join("<br/>");
        },
      },
      xAxis: { type: "value", name: t("reports.indicators.performance"), nameLocation: "middle", nameGap: 28, min: x.min, max: x.max, splitLine: { show: false } },
      yAxis: { type: "value", name: t("reports.indicators.importance"), nameLocation: "middle", nameGap: 40, min: y.min, max: y.max, splitLine: { show: false } },
      series: [
        {
          type: "scatter",
          symbolSize: 12,
          data: grid.attributes.map((attribute, index) => ({
            value: [attribute.performance, attribute.importance],
            name: format.text(attribute.title),
            itemStyle: { color: QUADRANT_COLORS[attribute.quadrant] },
            label: { position: sides[index] },
          })),
          label: { show: true, formatter: "{b}", fontSize: 11, color: "#434343" },
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { color: "#595959", type: "dashed" },
            label: { formatter: (item: { value: unknown }) => `${t("reports.indicators.cut")} ${format.decimal(Number(item.value), 1)}`, fontSize: 11 },
            data: [
              { xAxis: px, label: { position: "end" } },
              { yAxis: iy, label: { position: "insideEndTop" } },
            ],
          },
          markArea: {
            silent: true,
            data: [
              quadrant("concentrate here", x.min, px, iy, y.max, "insideTopLeft"),
              quadrant("keep up the good work", px, x.max, iy, y.max, "insideTopRight"),
              quadrant("low priority", x.min, px, y.min, iy, "insideBottomLeft"),
              quadrant("possible overkill", px, x.max, y.min, iy, "insideBottomRight"),
            ],
          },
        },
      ],
    } as ChartOption;
  }, [grid, t, format]);
  return <ReportChart option={option} height={460} testId="report-ipa-chart" />;
}
