/** The priority order: who is served first when stock or service is short (tier, then CLV, then P(alive)). */
import { Alert, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useApiData } from "../api/useApiData.ts";
import { formatMoney, formatShare } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { TierTag } from "./TierTag.tsx";
import { listPriority } from "./value-api.ts";

const PAGE_SIZE = 20;

export function PriorityPanel() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useApiData(() => listPriority(page, PAGE_SIZE), [page]);
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t("value.priority.intro")}</Typography.Paragraph>
      <Table
        size="small"
        loading={isLoading}
        rowKey="customerId"
        dataSource={data?.items ?? []}
        data-testid="priority-list"
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t("value.priority.rank"), dataIndex: "rank", width: 70 },
          {
            title: t("value.priority.name"),
            render: (_: unknown, row: NonNullable<typeof data>["items"][number]) => <Link to={`/customers/${row.customerId}`}>{row.name}</Link>,
          },
          { title: t("value.priority.store"), dataIndex: "homeStoreName", render: (value: string | null) => value ?? "—" },
          { title: t("value.priority.tier"), dataIndex: "tier", render: (tier) => <TierTag tier={tier} /> },
          { title: t("value.priority.clv"), dataIndex: "clv", align: "right" as const, render: (value: number | null) => (value === null ? "—" : formatMoney(locale, value, 0)) },
          { title: t("value.priority.pAlive"), dataIndex: "pAlive", align: "right" as const, render: (value: number | null) => (value === null ? "—" : formatShare(locale, value, 0)) },
        ]}
      />
    </>
  );
}
