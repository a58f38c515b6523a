/**
 * The small report of B2B service figures: monthly averages of on-time delivery and inspection pass rate per tier,
 * or per customer (the most-recorded ones), within the reader's stores.
 */
import type { ServiceFigureReport } from "@kexin/contracts";
import { Alert, Card, Empty, Segmented, Skeleton } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../api/useApiData.ts";
import { useEChart } from "../charts/useEChart.ts";
import { formatMonth } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { getServiceFigureReport } from "./plans-api.ts";
import { percentAxis } from "./service-figures-chart.ts";

type GroupBy = "tier" | "customer";
type Figure = "onTimeDeliveryRate" | "inspectionPassRate";

function ReportChart({ report, figure }: { report: ServiceFigureReport; figure: Figure }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const option = useMemo(
    () => ({
      title: {
        text: figure === "onTimeDeliveryRate" ? t("plans.figures.onTime") : t("plans.figures.inspection"),
        textStyle: { fontSize: 13 },
      },
      tooltip: { trigger: "axis" as const, valueFormatter: (value: unknown) => (typeof value === "number" ? `${value}%` : "—") },
      legend: { bottom: 0, type: "scroll" as const },
      grid: { left: 44, right: 16, top: 36, bottom: 48 },
      xAxis: { type: "category" as const, data: report.months.map((month) => formatMonth(locale, month)) },
      yAxis: percentAxis(report.series.flatMap((series) => series[figure])),
      series: report.series.map((series) => ({
        name: series.tier && series.key === series.tier ? t(`plans.tiers.${series.tier}`) : series.key === "none" ? t("plans.tiers.none") : series.label,
        type: "line" as const,
        connectNulls: true,
        data: series[figure],
      })),
    }),
    [figure, locale, report, t],
  );
  const ref = useEChart(option);
  return <div ref={ref} style={{ height: 260 }} data-testid={`service-figures-report-${figure}`} />;
}

export function ServiceFiguresReport() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [groupBy, setGroupBy] = useState<GroupBy>("tier");
  const { data, error } = useApiData(() => getServiceFigureReport({ groupBy, months: 6 }), [groupBy]);
  return (
    <Card
      title={t("plans.figures.reportTitle")}
      extra={
        <Segmented<GroupBy>
          value={groupBy}
          onChange={setGroupBy}
          options={[
            { value: "tier", label: t("plans.figures.byTier") },
            { value: "customer", label: t("plans.figures.byCustomer") },
          ]}
          data-testid="service-figures-group"
        />
      }
      data-testid="service-figures-report"
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : !data ? (
        <Skeleton active />
      ) : data.series.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("plans.figures.empty")} />
      ) : (
        <div className="kexin-plan-report" key={groupBy}>
          <ReportChart report={data} figure="onTimeDeliveryRate" />
          <ReportChart report={data} figure="inspectionPassRate" />
        </div>
      )}
    </Card>
  );
}
