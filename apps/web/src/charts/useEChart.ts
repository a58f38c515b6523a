/**
 * Mounts an ECharts instance on a div, keeps its option in step with React, resizes with its box and disposes on
 * unmount. Returns the ref to put on the div.
 */
import { useEffect, useRef, type RefObject } from "react";
import { echarts } from "./echarts-core.ts";

type ChartOption = Parameters<echarts.ECharts["setOption"]>[0];

export function useEChart(option: ChartOption): RefObject<HTMLDivElement | null> {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = echarts.init(container, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return containerRef;
}
