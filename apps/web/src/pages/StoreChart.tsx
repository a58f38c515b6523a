/** Customers per store as a doughnut. */
import type { DashboardSummary } from "@kexin/contracts";
import { Empty } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useEChart } from "../charts/useEChart.ts";

export function StoreChart({ byStore }: { byStore: DashboardSummary["byStore"] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item" as const, formatter: "{b}: {c} ({d}%)" },
      legend: { bottom: 0, type: "scroll" as const },
      series: [
        {
          name: t("home.byStoreTitle"),
          type: "pie" as const,
          radius: ["36%", "58%"],
          center: ["50%", "45%"],
          // Names sit at the card's edges so long store names are not cut off by the canvas.
          label: { formatter: "{b}\n{c}", alignTo: "edge" as const, edgeDistance: 8, lineHeight: 18 },
          labelLine: { length: 12, length2: 8 },
          data: byStore.map((store) => ({ name: store.storeName, value: store.customers })),
        },
      ],
    }),
    [byStore, t],
  );
  const ref = useEChart(option);
  if (byStore.length === 0) return <Empty description={t("home.noData")} />;
  return <div ref={ref} style={{ height: 340 }} data-testid="home-store-chart" />;
}
