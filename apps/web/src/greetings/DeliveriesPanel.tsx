/**
 * The letters: filter by status (with counts), and settle the uncertain ones — a worker stopped mid-send, so only a
 * person who checked the mail server's log (by Message-ID) can say whether to send again or record it as sent.
 */
import type { DeliveryStatus, MessageDelivery } from "@kexin/contracts";
import { Alert, App, Button, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useApiData } from "../api/useApiData.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { listDeliveries, resolveDelivery } from "./greetings-api.ts";

const STATUSES: DeliveryStatus[] = ["sent", "pending", "sending", "uncertain", "failed", "skipped"];
const COLORS: Record<DeliveryStatus, string> = {
  pending: "blue",
  sending: "processing",
  sent: "green",
  skipped: "default",
  uncertain: "orange",
  failed: "red",
};
const PAGE_SIZE = 20;

export function DeliveriesPanel({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [status, setStatus] = useState<DeliveryStatus | "all">("all");
  const [page, setPage] = useState(1);
  const [reloads, setReloads] = useState(0);
  const { data, error, isLoading } = useApiData(
    () => listDeliveries({ ...(status !== "all" && { status }), page, pageSize: PAGE_SIZE }),
    [status, page, reloads],
  );

  async function settle(delivery: MessageDelivery, action: "resend" | "mark_sent" | "dismiss") {
    try {
      await resolveDelivery(delivery.id, action);
      setReloads((count) => count + 1);
    } catch (caught) {
      message.error(errorText(caught));
    }
  }

  const counts = data?.countsByStatus ?? {};
  /** "spring-festival:2027" → 春节 2027; "campaign:<id>" → 群发活动; "after-purchase:7d:<id>" → 购后回访. */
  const occasionText = (key: string) => {
    const [kind, detail] = key.split(":");
    if (kind === "campaign") return t("greetings.tabs.campaigns");
    const purpose = kind === "tier-change" ? "tier_upgrade" : kind.replace(/-/g, "_");
    const label = t(`greetings.purposes.${purpose}`, { defaultValue: kind });
    return /^\d{4}$/.test(detail ?? "") ? `${label} ${detail}` : label;
  };
  const reasonText = (reason: string | null) => (reason && t(`greetings.reasons.${reason}`, { defaultValue: reason })) || "";

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Segmented<DeliveryStatus | "all">
        value={status}
        onChange={(next) => {
          setStatus(next);
          setPage(1);
        }}
        options={[
          { value: "all", label: t("greetings.deliveries.all") },
          ...STATUSES.map((value) => ({ value, label: `${t(`greetings.statuses.${value}`)} ${counts[value] ?? 0}` })),
        ]}
        data-testid="greeting-delivery-status"
      />
      {(counts.uncertain ?? 0) > 0 && <Alert type="warning" showIcon title={t("greetings.deliveries.uncertainHelp")} />}
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : (
        <Table<MessageDelivery>
          rowKey="id"
          size="small"
          loading={isLoading}
          dataSource={data?.items ?? []}
          data-testid="greeting-deliveries"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
          columns={[
            { title: t("greetings.deliveries.customer"), render: (_, row) => <Link to={`/customers/${row.customerId}`}>{row.customerName}</Link> },
            { title: t("greetings.deliveries.occasion"), render: (_, row) => occasionText(row.occasionKey) },
            { title: t("greetings.deliveries.channel"), render: (_, row) => t(`greetings.channels.${row.channel}`) },
            {
              title: t("greetings.deliveries.status"),
              render: (_, row) => (
                <Tag color={COLORS[row.status]} data-testid="greeting-delivery-status-tag">
                  {t(`greetings.statuses.${row.status}`)}
                </Tag>
              ),
            },
            { title: t("greetings.deliveries.recipient"), dataIndex: "recipient" },
            { title: t("greetings.deliveries.subject"), dataIndex: "subject", ellipsis: true },
            { title: t("greetings.deliveries.when"), render: (_, row) => formatDateTime(locale, row.sentAt ?? row.updatedAt) },
            {
              title: t("greetings.deliveries.reason"),
              render: (_, row) => (
                <Tooltip title={row.messageId ? `Message-ID: ${row.messageId}` : undefined}>
                  <Typography.Text type="secondary">{reasonText(row.reason)}</Typography.Text>
                </Tooltip>
              ),
            },
            {
              title: "",
              render: (_, row) =>
                canWrite &&
                (row.status === "uncertain" || row.status === "failed") && (
                  <Space size={4}>
                    <Popconfirm title={t("greetings.deliveries.resendConfirm")} onConfirm={() => settle(row, "resend")}>
                      <Button size="small">{t("greetings.deliveries.resend")}</Button>
                    </Popconfirm>
                    {row.status === "uncertain" && (
                      <>
                        <Button size="small" onClick={() => void settle(row, "mark_sent")}>
                          {t("greetings.deliveries.markSent")}
                        </Button>
                        <Button size="small" type="text" onClick={() => void settle(row, "dismiss")}>
                          {t("greetings.deliveries.dismiss")}
                        </Button>
                      </>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      )}
    </Space>
  );
}
