/**
 * The better–worse map: |worse| across (how much its absence dissatisfies), better up (how much its presence
 * satisfies), cut at 0.5 each way into the four Kano quadrants: attractive (top left), performance (top right),
 * must-be (bottom right), indifferent (bottom left). Points take their feature's category colour.
 */
import type { KanoCategoryCode, KanoReport } from "@kexin/contracts";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { COLORS } from "../report-colors.ts";
import { ReportChart, type ChartOption } from "../ReportChart.tsx";
import { scatterLabelSides } from "../label-placement.ts";
import { useReportFormat } from "../useReportFormat.ts";

export const KANO_COLORS: Record<KanoCategoryCode, string> = {
  M: "#d4380d",
  O: "#1677ff",
  A: "#389e0d",
  I: "#8c8c8c",
  R: "#cf1322",
  Q: "#d48806",
};

/** The conventional cut of both coefficients. */
const CUT = 0.5;

export function BetterWorseChart({ report }: { report: KanoReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const option = useMemo((): ChartOption => {
    const features = report.features.filter((feature) => feature.better !== null && feature.worse !== null);
    const sides = scatterLabelSides(
      features.map((feature) => ({ x: Math.abs(feature.worse!), y: feature.better!, name: format.text(feature.title) })),
      { min: 0, max: 1 },
      { min: 0, max: 1 },
    );
    const area = (name: "attractive" | "performance" | "mustBe" | "indifferent", x0: number, x1: number, y0: number, y1: number, position: string, color: string) => [
      { name: t(`reports.kano.quadrants.${name}`), xAxis: x0, yAxis: y0, itemStyle: { color, opacity: 0.06 }, label: { position, color, fontWeight: "bold" as const } },
      { xAxis: x1, yAxis: y1 },
    ];
    return {
      grid: { left: 56, right: 32, top: 24, bottom: 48 },
      tooltip: {
        trigger: "item",
        formatter: (item: unknown) => {
          const feature = features[(item as { dataIndex: number }).dataIndex];
          if (!feature) return "";
          const label = format.text(report.categories.find((c) => c.category === feature.category)?.label);
          return `<b>${format.text(feature.title)}</b><br/>${label}<br/>Better ${format.decimal(feature.better, 2)} · Worse ${format.decimal(feature.worse, 2)}`;
        },
      },
      xAxis: { type: "value", name: "|Worse|", nameLocation: "middle", nameGap: 28, min: 0, max: 1, splitLine: { show: false } },
      yAxis: { type: "value", name: "Better", nameLocation: "middle", nameGap: 40, min: 0, max: 1, splitLine: { show: false } },
      series: [
        {
          type: "scatter",
          symbolSize: 14,
          data: features.map((feature, index) => ({
            value: [Math.abs(feature.worse!), feature.better!],
            name: format.text(feature.title),
            itemStyle: { color: KANO_COLORS[feature.category] },
            label: { position: sides[index] },
          })),
          label: { show: true, formatter: "{b}", fontSize: 11, color: "#434343" },
          markLine: { silent: true, symbol: "none", lineStyle: { color: "#595959", type: "dashed" }, label: { show: false }, data: [{ xAxis: CUT }, { yAxis: CUT }] },
          markArea: {
            silent: true,
            data: [
              area("attractive", 0, CUT, CUT, 1, "insideTopLeft", KANO_COLORS.A),
              area("performance", CUT, 1, CUT, 1, "insideTopRight", KANO_COLORS.O),
              area("mustBe", CUT, 1, 0, CUT, "insideBottomRight", KANO_COLORS.M),
              area("indifferent", 0, CUT, 0, CUT, "insideBottomLeft", COLORS.neutral),
            ],
          },
        },
      ],
    } as ChartOption;
  }, [report, t, format]);
  return <ReportChart option={option} height={440} testId="report-kano-chart" />;
}
