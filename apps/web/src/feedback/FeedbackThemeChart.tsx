/**
 * The top themes of the filtered feedback as bars, coloured by how the people raising them felt (red negative,
 * grey neutral, green positive). Clicking a bar filters the inbox by that theme.
 */
import { NEGATIVE_SENTIMENT_BELOW, POSITIVE_SENTIMENT_ABOVE, type FeedbackThemeSummary } from "@kexin/contracts";
import { Card, Empty, Typography } from "antd";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { echarts } from "../charts/echarts-core.ts";
import { SENTIMENT_COLORS } from "./FeedbackTags.tsx";

type Theme = FeedbackThemeSummary["themes"][number];

const colorOf = (average: number) =>
  SENTIMENT_COLORS[average < NEGATIVE_SENTIMENT_BELOW ? "negative" : average > POSITIVE_SENTIMENT_ABOVE ? "positive" : "neutral"];

export function FeedbackThemeChart({ summary, selected, onSelect }: {
  summary: FeedbackThemeSummary | undefined;
  selected?: string;
  onSelect(theme: string | undefined): void;
}) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const themes = useMemo(() => summary?.themes ?? [], [summary]);
  const hasThemes = themes.length > 0;

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !hasThemes) return;
    const chart = echarts.init(container, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    chart.on("click", (params) => {
      const term = (params.data as { term?: string } | undefined)?.term;
      if (term) onSelectRef.current(term);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [hasThemes]);

  useEffect(() => {
    chartRef.current?.setOption(
      {
        grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
        tooltip: {
          trigger: "item",
          formatter: (params: { data: Theme }) =>
            `${escapeHtml(params.data.term)}<br/>${escapeHtml(
              t("feedback.themeTooltip", {
                count: params.data.count,
                negative: params.data.negativeCount,
                average: params.data.averageSentiment.toFixed(2),
              }),
            )}`,
        },
        xAxis: { type: "category", data: themes.map((theme) => theme.term), axisLabel: { interval: 0, hideOverlap: true }, axisTick: { show: false } },
        yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { type: "dashed" } } },
        series: [
          {
            type: "bar",
            barMaxWidth: 36,
            cursor: "pointer",
            label: { show: true, position: "top" },
            data: themes.map((theme) => ({
              ...theme,
              value: theme.count,
              itemStyle: { color: colorOf(theme.averageSentiment), opacity: selected && selected !== theme.term ? 0.35 : 1 },
            })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [themes, selected, t, hasThemes]);

  return (
    <Card
      size="small"
      title={t("feedback.themesTitle")}
      extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("feedback.themesHint")}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid="feedback-themes"
    >
      {hasThemes ? (
        <div ref={containerRef} style={{ height: 200 }} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("feedback.themesEmpty")} style={{ margin: "12px 0" }} />
      )}
    </Card>
  );
}

/** ECharts tooltips are HTML: feedback words are customers' text and must not become markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
