/** Only the ECharts parts the dashboard draws (line, bar, pie on canvas), so the rest is tree-shaken away. */
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type { ComposeOption } from "echarts/core";
export type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from "echarts/charts";
export type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from "echarts/components";
