/**
 * One report chart: ECharts with the SVG renderer (vector output in a printed PDF), no animation (a report is read,
 * and a print must never catch a chart half drawn), resized with its box and re-laid out for paper when printing.
 *
 * Printing: the browser lays the page out again at paper width without telling the chart, so on `beforeprint` (and
 * when the print media query starts to match) the chart is redrawn at PRINT_CHART_WIDTH_PX, the width the print
 * stylesheet gives chart boxes, and restored afterwards. As a fallback for print paths that fire no event, every
 * drawn SVG carries a viewBox, so the print stylesheet can scale it to the paper.
 */
import { useEffect, useRef } from "react";
import { echarts } from "../charts/echarts-core.ts";

export type ChartOption = Parameters<echarts.ECharts["setOption"]>[0];

/**
 * The chart width `reports.css` sets for print: an A4 page less 15 mm margins is 180 mm (680 px at 96 px per
 * inch), less a card's padding and border.
 */
export const PRINT_CHART_WIDTH_PX = 620;

function setViewBox(container: HTMLElement, chart: echarts.ECharts): void {
  const svg = container.querySelector("svg");
  if (!svg) return;
  svg.setAttribute("viewBox", `0 0 ${chart.getWidth()} ${chart.getHeight()}`);
  svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
}

export function ReportChart({ option, height, testId }: { option: ChartOption; height: number; testId?: string }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = echarts.init(container, undefined, { renderer: "svg" });
    chartRef.current = chart;
    chart.on("finished", () => setViewBox(container, chart));
    let isPrinting = false;
    const redraw = (width?: number) => {
      chart.resize(width ? { width, height } : undefined);
      chart.getZr().flush();
      setViewBox(container, chart);
    };
    const observer = new ResizeObserver(() => {
      if (!isPrinting) redraw();
    });
    observer.observe(container);
    const startPrint = () => {
      isPrinting = true;
      redraw(PRINT_CHART_WIDTH_PX);
    };
    const endPrint = () => {
      isPrinting = false;
      redraw();
    };
    const printQuery = window.matchMedia("print");
    const onPrintQuery = (event: MediaQueryListEvent) => (event.matches ? startPrint() : endPrint());
    window.addEventListener("beforeprint", startPrint);
    window.addEventListener("afterprint", endPrint);
    printQuery.addEventListener("change", onPrintQuery);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", startPrint);
      window.removeEventListener("afterprint", endPrint);
      printQuery.removeEventListener("change", onPrintQuery);
      chart.dispose();
      chartRef.current = null;
    };
  }, [height]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setOption({ animation: false, ...option }, { notMerge: true });
    chart.getZr().flush();
    if (containerRef.current) setViewBox(containerRef.current, chart);
  }, [option, height]);

  return <div ref={containerRef} className="report-chart" style={{ height }} data-testid={testId} />;
}
