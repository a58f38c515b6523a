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
          radius: ["34%", "54%"],
          center: ["50%", "45%"],
          label: { formatter: "{b}\n{c}", lineHeight: 18, overflow: "none" as const },
          labelLine: { length: 10, length2: 10 },
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
