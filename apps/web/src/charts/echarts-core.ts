/**
 * Only the ECharts parts the dashboard draws, so the rest is tree-shaken away: line, bar and pie (home page and
 * reports), scatter (importance-performance and better-worse maps) and graph (the report's path diagram), with mark
 * lines and areas for crosshairs and quadrants. Canvas for the dashboard; SVG for report
 * charts, which print as vectors.
 */
import { BarChart, GraphChart, LineChart, PieChart, ScatterChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  GraphChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
export type { ComposeOption } from "echarts/core";
export type {
  BarSeriesOption,
  GraphSeriesOption,
  LineSeriesOption,
  PieSeriesOption,
  ScatterSeriesOption,
} from "echarts/charts";
export type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from "echarts/components";
