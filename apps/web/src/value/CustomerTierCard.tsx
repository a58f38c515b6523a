/**
 * The tier card on a customer's page: tier in force (and the computed one when set by hand), key figures, setting
 * the tier by hand with a required reason or clearing it, and the tier history.
 */
import { CUSTOMER_TIERS, type CustomerTier, type CustomerValue } from "@kexin/contracts";
import { Alert, App, Button, type ButtonProps, Card, Descriptions, Form, Input, Modal, Popconfirm, Select, Space, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatShare } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { TierTag } from "./TierTag.tsx";
import { clearCustomerTier, getCustomerValue, setCustomerTier } from "./value-api.ts";

function Figures({ value }: { value: CustomerValue }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const figures = value.figures;
  if (!figures) return <Typography.Text type="secondary">{t("value.customerCard.noFigures")}</Typography.Text>;
  const money = (amount: number | null) => (amount === null ? "—" : formatMoney(locale, amount, 0));
  return (
    <Descriptions size="small" column={2} data-testid="customer-value-figures">
      <Descriptions.Item label={t("value.metrics.clv")}>{money(figures.clv)}</Descriptions.Item>
      <Descriptions.Item label={t("value.priority.pAlive")}>{figures.pAlive === null ? "—" : formatShare(locale, figures.pAlive, 0)}</Descriptions.Item>
      <Descriptions.Item label={t("value.metrics.revenue")}>{money(figures.revenue)}</Descriptions.Item>
      <Descriptions.Item label={t("value.metrics.grossProfit")}>{money(figures.grossProfit)}</Descriptions.Item>
      <Descriptions.Item label={t("value.metrics.orders")}>{formatNumber(locale, figures.orders)}</Descriptions.Item>
      <Descriptions.Item label={t("value.metrics.costToServe")}>{money(figures.costToServe)}</Descriptions.Item>
      <Descriptions.Item label={t("value.customerCard.segment")}>
        {figures.rfm ? `${t(`value.segments.${figures.rfm.segment}`, { defaultValue: figures.rfm.segment })} (${figures.rfm.score})` : "—"}
      </Descriptions.Item>
      <Descriptions.Item label={t("value.churn.lastPurchase")}>{formatDate(locale, figures.lastPurchaseAt)}</Descriptions.Item>
      {figures.churnStatus && (
        <Descriptions.Item label={t("value.churnTitle")}>{t(`value.customerCard.churnStatus.${figures.churnStatus}`)}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function CustomerTierCard({ customerId, onChanged }: { customerId: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [reloads, setReloads] = useState(0);
  const [isEditing, setEditing] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [form] = Form.useForm<{ tier: CustomerTier; reason: string }>();
  const { data, error } = useApiData(() => getCustomerValue(customerId), [customerId, reloads]);
  const canWrite = can(me.role, "tier.write");

  async function run(action: () => Promise<CustomerValue>) {
    setSaving(true);
    try {
      await action();
      void message.success(t("value.customerCard.saved"));
      setEditing(false);
      setReloads((count) => count + 1);
      onChanged?.();
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setSaving(false);
    }
  }

  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  return (
    <Card
      size="small"
      loading={!data}
      data-testid="customer-tier-card"
      title={
        <Space>
          {t("value.customerCard.title")}
          {data && <TierTag tier={data.tier} testId="customer-tier" />}
        </Space>
      }
      extra={
        canWrite &&
        data && (
          <Space>
            {data.override && (
              <Popconfirm title={t("value.customerCard.clearConfirm")} onConfirm={() => run(() => clearCustomerTier(customerId))}>
                <Button size="small" data-testid="customer-tier-clear">{t("value.customerCard.clear")}</Button>
              </Popconfirm>
            )}
            <Button
              size="small"
              onClick={() => {
                form.setFieldsValue({ tier: data.tier ?? "ordinary", reason: "" });
                setEditing(true);
              }}
              data-testid="customer-tier-set"
            >
              {t("value.customerCard.setTier")}
            </Button>
          </Space>
        )
      }
    >
      {data && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {data.override && (
            <Typography.Text type="warning">
              {t("value.customerCard.override", { reason: data.override.reason, name: data.override.byName ?? "—", at: formatDateTime(locale, data.override.at) })}
              {" · "}
              {t("value.customerCard.computed", { tier: t(`value.tiers.${data.computedTier ?? "none"}`) })}
            </Typography.Text>
          )}
          <Figures value={data} />
          {data.history.length > 0 && (
            <>
              <Typography.Text strong>{t("value.customerCard.history")}</Typography.Text>
              <Timeline
                items={data.history.slice(0, 5).map((change) => ({
                  key: change.id,
                  content: (
                    <Typography.Text style={{ fontSize: 12 }}>
                      {formatDate(locale, change.changedAt)} {t(`value.tiers.${change.fromTier ?? "none"}`)} → {t(`value.tiers.${change.toTier ?? "none"}`)} ·{" "}
                      {change.source === "manual"
                        ? `${t("value.customerCard.manual")}${change.reason ? `：${change.reason}` : `（${t("value.customerCard.cleared")}）`}`
                        : t("value.customerCard.computedSource")}
                      {change.changedByName ? ` · ${change.changedByName}` : ""}
                    </Typography.Text>
                  ),
                }))}
              />
            </>
          )}
        </Space>
      )}
      <Modal
        open={isEditing}
        title={t("value.customerCard.setTier")}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
        confirmLoading={isSaving}
        okButtonProps={{ "data-testid": "customer-tier-save" } as ButtonProps}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void run(() => setCustomerTier(customerId, values.tier, values.reason))}>
          <Form.Item name="tier" label={t("value.rules.tier")} rules={[{ required: true }]}>
            <Select options={CUSTOMER_TIERS.map((tier) => ({ value: tier, label: t(`value.tiers.${tier}`) }))} data-testid="customer-tier-select" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t("value.customerCard.reason")}
            rules={[{ required: true, whitespace: true, min: 2, message: t("value.customerCard.reasonRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="customer-tier-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
