/** The model report's tables: reliability and validity (with loadings), HTMT, and paths with bootstrap intervals. */
import type { ModelReport } from "@kexin/contracts";
import { Table, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useReportFormat } from "../useReportFormat.ts";

type Construct = ModelReport["constructs"][number];

/** Usual thresholds (Hair et al.): α, ρA, ρC ≥ 0.70; AVE ≥ 0.50; outer loadings ≥ 0.708; HTMT < 0.85. */
export const THRESHOLDS = { alpha: 0.7, rhoA: 0.7, rhoC: 0.7, ave: 0.5, loading: 0.708, htmt: 0.85 } as const;

function Flagged({ value, isBad, threshold }: { value: string; isBad: boolean; threshold: string }) {
  const { t } = useTranslation();
  if (!isBad) return <span>{value}</span>;
  return (
    <Tooltip title={t("reports.model.belowThreshold", { threshold })}>
      <Typography.Text type="danger" strong className="report-flagged">
        {value} ▼
      </Typography.Text>
    </Tooltip>
  );
}

export function ReliabilityTable({ report, titleOf, questionTitle }: {
  report: ModelReport;
  titleOf: (key: string) => string;
  questionTitle: (key: string) => string;
}) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const measure = (key: keyof typeof THRESHOLDS & keyof Construct["reliability"]) => ({
    key,
    title: t(`reports.model.${key}`),
    align: "right" as const,
    render: (_: unknown, construct: Construct) => (
      <Flagged value={format.decimal(construct.reliability[key], 3)} isBad={construct.reliability[key] < THRESHOLDS[key]} threshold={format.decimal(THRESHOLDS[key], 2)} />
    ),
  });
  return (
    <Table<Construct>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={report.constructs}
      data-testid="report-reliability"
      expandable={{
        expandedRowRender: (construct) => (
          <Table
            size="small"
            pagination={false}
            rowKey="name"
            dataSource={construct.indicators}
            columns={[
              { key: "name", title: t("reports.model.indicatorName"), render: (_, row) => `${row.name} · ${questionTitle(row.question)}`, ellipsis: true },
              {
                key: "loading",
                title: t("reports.model.loading"),
                align: "right",
                render: (_, row) => <Flagged value={format.decimal(row.loading, 3)} isBad={row.loading < THRESHOLDS.loading} threshold={format.decimal(THRESHOLDS.loading, 3)} />,
              },
              { key: "weight", title: t("reports.model.outerWeight"), align: "right", render: (_, row) => format.decimal(row.weight, 3) },
            ]}
          />
        ),
      }}
      columns={[
        { key: "construct", title: t("reports.model.construct"), render: (_, construct) => titleOf(construct.key) },
        measure("alpha"),
        measure("rhoA"),
        measure("rhoC"),
        measure("ave"),
        {
          key: "r2",
          title: t("reports.model.rSquaredColumn"),
          align: "right",
          render: (_, construct) =>
            construct.rSquared === null ? "—" : `${format.decimal(construct.rSquared, 3)} (${format.decimal(construct.rSquaredAdjusted, 3)})`,
        },
      ]}
    />
  );
}

export function HtmtTable({ report, titleOf }: { report: ModelReport; titleOf: (key: string) => string }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(row) => `${row.a}|${row.b}`}
      dataSource={report.htmt}
      columns={[
        { key: "pair", title: t("reports.model.pair"), render: (_, row) => `${titleOf(row.a)} ↔ ${titleOf(row.b)}` },
        {
          key: "value",
          title: "HTMT",
          align: "right",
          width: 120,
          render: (_, row) =>
            row.value === null ? "—" : <Flagged value={format.decimal(row.value, 3)} isBad={row.value >= THRESHOLDS.htmt} threshold={format.decimal(THRESHOLDS.htmt, 2)} />,
        },
      ]}
    />
  );
}

export function BootstrapTable({ report, titleOf }: { report: ModelReport; titleOf: (key: string) => string }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  type Path = ModelReport["paths"][number];
  return (
    <Table<Path>
      size="small"
      pagination={false}
      rowKey={(path) => `${path.from}→${path.to}`}
      dataSource={report.paths}
      data-testid="report-bootstrap"
      columns={[
        { key: "path", title: t("reports.model.path"), render: (_, path) => `${titleOf(path.from)} → ${titleOf(path.to)}` },
        { key: "estimate", title: t("reports.model.estimate"), align: "right", render: (_, path) => format.decimal(path.estimate, 3) },
        { key: "mean", title: t("reports.model.bootstrapMean"), align: "right", render: (_, path) => format.decimal(path.bootstrap?.mean, 3) },
        { key: "se", title: t("reports.model.standardError"), align: "right", render: (_, path) => format.decimal(path.bootstrap?.standardError, 3) },
        { key: "t", title: t("reports.model.tValue"), align: "right", render: (_, path) => format.decimal(path.bootstrap?.t, 2) },
        {
          key: "interval",
          title: t("reports.model.interval"),
          align: "right",
          render: (_, path) => (path.bootstrap ? `[${format.decimal(path.bootstrap.lower, 3)}, ${format.decimal(path.bootstrap.upper, 3)}]` : "—"),
        },
        {
          key: "significant",
          title: t("reports.common.significant"),
          align: "center",
          render: (_, path) =>
            path.bootstrap ? (
              path.bootstrap.isSignificant ? <Tag color="green">{t("reports.common.significant")}</Tag> : <Tag>{t("reports.common.notSignificant")}</Tag>
            ) : (
              "—"
            ),
        },
        { key: "f2", title: t("reports.model.fSquared"), align: "right", render: (_, path) => format.decimal(path.fSquared, 3) },
      ]}
    />
  );
}
