/**
 * The customer page's B2B service figures: on-time delivery and inspection pass rate as recorded by each call,
 * trended as two lines (percent). Shown for company customers only.
 */
import type { ServiceFigure } from "@kexin/contracts";
import { Card, Empty, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../api/useApiData.ts";
import { useEChart } from "../charts/useEChart.ts";
import { formatDate } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { listServiceFigures } from "./plans-api.ts";
import { percentAxis, SERVICE_FIGURE_COLORS } from "./service-figures-chart.ts";

function FiguresChart({ items }: { items: ServiceFigure[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" as const, valueFormatter: (value: unknown) => (typeof value === "number" ? `${value}%` : "—") },
      legend: { bottom: 0 },
      grid: { left: 44, right: 16, top: 16, bottom: 48 },
      xAxis: { type: "category" as const, data: items.map((item) => formatDate(locale, item.recordedAt)) },
      yAxis: percentAxis(items.flatMap((item) => [item.onTimeDeliveryRate, item.inspectionPassRate])),
      series: [
        {
          name: t("plans.figures.onTime"),
          type: "line" as const,
          color: SERVICE_FIGURE_COLORS.onTime,
          connectNulls: true,
          data: items.map((item) => item.onTimeDeliveryRate),
        },
        {
          name: t("plans.figures.inspection"),
          type: "line" as const,
          color: SERVICE_FIGURE_COLORS.inspection,
          connectNulls: true,
          data: items.map((item) => item.inspectionPassRate),
        },
      ],
    }),
    [items, locale, t],
  );
  const ref = useEChart(option);
  return <div ref={ref} style={{ height: 220 }} data-testid="service-figures-chart" />;
}

export function ServiceFiguresCard({ customerId, reloads = 0 }: { customerId: string; reloads?: number }) {
  const { t } = useTranslation();
  const { data } = useApiData(() => listServiceFigures(customerId), [customerId, reloads]);
  const latest = data?.items.at(-1);
  const percent = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${value}%`);
  return (
    <Card size="small" title={t("plans.figures.title")} data-testid="customer-service-figures">
      {!data ? null : data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("plans.figures.empty")} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="service-figures-latest">
            {t("plans.figures.latest", { onTime: percent(latest?.onTimeDeliveryRate), inspection: percent(latest?.inspectionPassRate) })}
          </Typography.Text>
          <FiguresChart items={data.items} />
        </>
      )}
    </Card>
  );
}
