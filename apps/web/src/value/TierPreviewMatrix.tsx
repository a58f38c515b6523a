/** The preview of a draft rule set: how many customers move from each tier (rows) to each tier (columns). */
import { CUSTOMER_TIERS, type CustomerTier, type TierPreview } from "@kexin/contracts";
import { Alert, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";

type Key = CustomerTier | "none";
const ROWS: Key[] = [...CUSTOMER_TIERS, "none"];

export function TierPreviewMatrix({ preview }: { preview: TierPreview }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const cell = (from: Key, to: Key) =>
    preview.moves.find((move) => (move.from ?? "none") === from && (move.to ?? "none") === to)?.count ?? 0;
  const rows = ROWS.filter((from) => preview.before[from] > 0).map((from) => ({ key: from, from }));
  return (
    <div data-testid="tier-preview">
      <Alert
        type={preview.changed > 0 ? "warning" : "info"}
        showIcon
        title={t("value.preview.changed", { total: formatNumber(locale, preview.total), changed: formatNumber(locale, preview.changed) })}
        data-testid="tier-preview-changed"
        data-changed={preview.changed}
        style={{ marginBottom: 12 }}
      />
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t("value.preview.fromTo"), dataIndex: "from", render: (from: Key) => t(`value.tiers.${from}`) },
          ...CUSTOMER_TIERS.map((to) => ({
            title: t(`value.tiers.${to}`),
            key: to,
            align: "right" as const,
            render: (_: unknown, row: { from: Key }) => {
              const count = cell(row.from, to);
              const isMove = row.from !== to && count > 0;
              return (
                <Typography.Text strong={isMove} type={count === 0 ? "secondary" : isMove ? "warning" : undefined} data-testid={`preview-${row.from}-${to}`}>
                  {formatNumber(locale, count)}
                </Typography.Text>
              );
            },
          })),
          { title: t("value.preview.total"), key: "total", align: "right" as const, render: (_: unknown, row: { from: Key }) => formatNumber(locale, preview.before[row.from]) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t("value.preview.after")}</Typography.Text>
            </Table.Summary.Cell>
            {CUSTOMER_TIERS.map((to, index) => (
              <Table.Summary.Cell key={to} index={index + 1} align="right">
                <Typography.Text strong data-testid={`preview-after-${to}`}>{formatNumber(locale, preview.after[to])}</Typography.Text>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={CUSTOMER_TIERS.length + 1} align="right">
              {formatNumber(locale, preview.total)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}
