/**
 * The path diagram: constructs as circles placed left to right by path order, R² and the 0–100 index inside each
 * construct that paths point at, arrows labelled with their coefficients, thicker for stronger paths, solid when the
 * bootstrap interval excludes zero and dashed when it does not.
 */
import type { ModelReport } from "@kexin/contracts";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { COLORS } from "../report-colors.ts";
import { ReportChart, type ChartOption } from "../ReportChart.tsx";
import { wrapText } from "../label-placement.ts";
import { useReportFormat } from "../useReportFormat.ts";
import { layoutPathModel } from "./path-layout.ts";

/** Small enough that six columns still fit the printed width (PRINT_CHART_WIDTH_PX). */
const NODE_SIZE = 98;

export function PathDiagram({ report }: { report: ModelReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const layout = useMemo(() => layoutPathModel(report.constructs.map((c) => c.key), report.paths), [report]);
  const height = Math.max(380, layout.rows * 140 + 20);

  const option = useMemo((): ChartOption => {
    const position = new Map(layout.nodes.map((node) => [node.key, node]));
    const curveness = new Map(layout.edges.map((edge) => [`${edge.from}→${edge.to}`, edge.curveness]));
    const nodes = report.constructs.map((construct) => {
      const at = position.get(construct.key)!;
      const isEndogenous = construct.rSquared !== null;
      const lines = wrapText(format.text(construct.title) || construct.key, NODE_SIZE - 20, 12).map((line) => `{title|${line}}`);
      if (isEndogenous) lines.push(`{value|${t("reports.model.rSquared", { value: format.decimal(construct.rSquared, 2) })}}`);
      lines.push(`{index|${t("reports.model.index", { value: format.decimal(construct.index, 1) })}}`);
      return {
        name: construct.key,
        value: [at.column, at.row],
        symbol: "circle",
        symbolSize: NODE_SIZE,
        itemStyle: {
          color: isEndogenous ? "#e6f4ff" : "#f5f5f5",
          borderColor: isEndogenous ? COLORS.primary : "#8c8c8c",
          borderWidth: 2,
        },
        label: {
          show: true,
          position: "inside",
          formatter: lines.join("\n"),
          rich: {
            title: { fontSize: 12, fontWeight: "bold", color: "#1f1f1f", align: "center", lineHeight: 15 },
            value: { fontSize: 11, color: COLORS.primary, lineHeight: 16, align: "center" },
            index: { fontSize: 11, color: "#595959", lineHeight: 16, align: "center" },
          },
        },
      };
    });
    const edges = report.paths.map((path) => {
      const isSignificant = path.bootstrap?.isSignificant ?? true;
      const color = path.estimate < 0 ? COLORS.bad : isSignificant ? "#1d39c4" : COLORS.neutral;
      return {
        source: path.from,
        target: path.to,
        value: path.estimate,
        lineStyle: {
          width: 1 + 6 * Math.min(1, Math.abs(path.estimate)),
          type: isSignificant ? ("solid" as const) : ("dashed" as const),
          color,
          curveness: curveness.get(`${path.from}→${path.to}`) ?? 0,
          opacity: 0.9,
        },
        label: {
          show: true,
          formatter: `${format.decimal(path.estimate, 2)}${path.bootstrap?.isSignificant ? "*" : ""}`,
          fontSize: 12,
          fontWeight: "bold" as const,
          color,
          backgroundColor: "#fff",
          padding: [1, 4],
          borderRadius: 3,
        },
      };
    });
    return {
      tooltip: {
        formatter: (item: unknown) => {
          const { dataType, data } = item as { dataType: string; data: { source?: string; target?: string; name?: string } };
          const titleOf = (key?: string) => format.text(report.constructs.find((c) => c.key === key)?.title) || key || "";
          if (dataType === "edge") {
            const path = report.paths.find((p) => p.from === data.source && p.to === data.target);
            if (!path) return "";
            const interval = path.bootstrap ? format.interval(path.bootstrap.lower, path.bootstrap.upper, 2) : t("reports.model.noBootstrap");
            return `${titleOf(path.from)} → ${titleOf(path.to)}<br/>${t("reports.model.estimate")}: ${format.decimal(path.estimate, 3)}<br/>${interval}`;
          }
          const construct = report.constructs.find((c) => c.key === data.name);
          if (!construct) return "";
          return [
            `<b>${titleOf(construct.key)}</b>`,
            t("reports.model.index", { value: format.decimal(construct.index, 1) }),
            construct.rSquared !== null ? t("reports.model.rSquared", { value: format.decimal(construct.rSquared, 3) }) : "",
          ].filter(Boolean).join("<br/>");
        },
      },
      // A hidden cartesian grid places the constructs exactly (column across, row down) with room for the circles.
      grid: { left: 0, right: 0, top: 0, bottom: 0 },
      xAxis: { type: "value", show: false, min: -0.55, max: Math.max(1, layout.columns) - 0.45 },
      yAxis: { type: "value", show: false, inverse: true, min: -0.5, max: layout.rows - 0.5 },
      series: [
        {
          type: "graph",
          layout: "none",
          coordinateSystem: "cartesian2d",
          edgeSymbol: ["none", "arrow"],
          edgeSymbolSize: 11,
          data: nodes,
          links: edges,
          edgeLabel: { show: true },
          emphasis: { focus: "adjacency" },
        },
      ],
    } as ChartOption;
  }, [layout, report, t, format]);

  return <ReportChart option={option} height={height} testId="report-path-diagram" />;
}
