/** Chart options for one question's answers, by the shape of its distribution. */
import type { QuestionDistribution, ScaleStats } from "@kexin/contracts";
import { COLORS, npsColor, scaleColors } from "../report-colors.ts";
import type { ChartOption } from "../ReportChart.tsx";
import type { ReportFormat } from "../useReportFormat.ts";

type Distribution<K extends QuestionDistribution["kind"]> = Extract<QuestionDistribution, { kind: K }>;

const share = (count: number, total: number) => (total > 0 ? count / total : 0);

/** Bars per scale point, red to green (NPS: detractors, passives, promoters), labelled with count and share. */
export function scaleOption(stats: ScaleStats, labels: readonly string[], isNps: boolean, format: ReportFormat): ChartOption {
  const colors = scaleColors(stats.counts.length);
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: "item",
      formatter: (item: unknown) => {
        const { dataIndex } = item as { dataIndex: number };
        const point = stats.counts[dataIndex];
        const word = labels[dataIndex] !== String(point.value) ? ` ${labels[dataIndex]}` : "";
        return `${point.value}${word}: ${format.count(point.count)} (${format.share(share(point.count, stats.n))})`;
      },
    },
    xAxis: {
      type: "category",
      data: [...labels],
      axisLabel: { interval: 0, width: labels.length > 7 ? 40 : 72, overflow: "break", fontSize: 11 },
    },
    yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { type: "dashed" } } },
    series: [
      {
        type: "bar",
        barMaxWidth: 44,
        data: stats.counts.map((point, index) => ({
          value: point.count,
          itemStyle: { color: isNps ? npsColor(point.value) : colors[index] },
        })),
        label: {
          show: true,
          position: "top",
          fontSize: 11,
          formatter: (item: { value: unknown }) => (typeof item.value === "number" && stats.n > 0 ? format.share(share(item.value, stats.n), 0) : ""),
        },
      },
    ],
  };
}

/** Two parts of a pair question (expectation vs perception, functional vs dysfunctional) side by side per point. */
export function pairOption(
  distribution: Distribution<"pair">,
  labels: readonly string[],
  partName: (part: Distribution<"pair">["parts"][number]["part"]) => string,
  format: ReportFormat,
): ChartOption {
  const palette = [COLORS.expectation, COLORS.perception];
  return {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: [...labels], axisLabel: { interval: 0, width: 64, overflow: "break", fontSize: 11 } },
    yAxis: { type: "value", minInterval: 1 },
    series: distribution.parts.map((part, index) => ({
      type: "bar",
      name: `${partName(part.part)}${part.stats.mean ? ` (${format.decimal(part.stats.mean.mean, 2)})` : ""}`,
      data: part.stats.counts.map((point) => point.count),
      itemStyle: { color: palette[index % palette.length] },
      barMaxWidth: 24,
    })),
  };
}

/** Matrix or competitor rows: each row's answers as a 100% bar, red to green, with the row mean on the label. */
export function rowsOption(distribution: Distribution<"rows">, rowName: (row: Distribution<"rows">["rows"][number]) => string, pointNames: readonly string[], format: ReportFormat): ChartOption {
  const rows = [...distribution.rows].reverse();
  const points = rows[0]?.stats.counts.length ?? 0;
  const colors = scaleColors(points);
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: [...pointNames], itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (value: unknown) => (typeof value === "number" ? format.share(value) : "") },
    xAxis: { type: "value", max: 1, axisLabel: { formatter: (value: number) => format.share(value, 0) } },
    yAxis: {
      type: "category",
      data: rows.map((row) => `${rowName(row)}${row.stats.mean ? ` (${format.decimal(row.stats.mean.mean, 2)})` : ""}`),
      axisLabel: { width: 180, overflow: "truncate" },
    },
    series: Array.from({ length: points }, (_, pointIndex) => ({
      type: "bar",
      stack: "rows",
      name: pointNames[pointIndex],
      itemStyle: { color: colors[pointIndex] },
      barMaxWidth: 22,
      data: rows.map((row) => share(row.stats.counts[pointIndex]?.count ?? 0, row.stats.n)),
    })),
  };
}

/** Options of a choice question as horizontal bars with count and share. */
export function choiceOption(distribution: Distribution<"choice">, optionName: (option: Distribution<"choice">["options"][number]) => string, format: ReportFormat): ChartOption {
  const options = [...distribution.options].reverse();
  return {
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: options.map(optionName), axisLabel: { width: 200, overflow: "truncate" } },
    series: [
      {
        type: "bar",
        barMaxWidth: 22,
        itemStyle: { color: COLORS.primary },
        data: options.map((option) => option.count),
        label: {
          show: true,
          position: "right",
          formatter: (item: { dataIndex: number }) => `${format.count(options[item.dataIndex].count)} · ${format.share(options[item.dataIndex].share)}`,
        },
      },
    ],
  };
}

/** The most mentioned terms of open answers, with how many answers mention each. */
export function themesOption(distribution: Distribution<"text">, format: ReportFormat, limit = 12): ChartOption {
  const themes = distribution.themes.slice(0, limit).reverse();
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: themes.map((theme) => theme.term) },
    series: [
      {
        type: "bar",
        barMaxWidth: 18,
        itemStyle: { color: COLORS.warn },
        data: themes.map((theme) => theme.count),
        label: { show: true, position: "right", formatter: (item: { value: unknown }) => (typeof item.value === "number" ? format.count(item.value) : "") },
      },
    ],
  };
}
