/** The customer's record, read-only: contacts, consent per channel, what they like, attributes, private note. */
import { CheckCircleFilled, StopFilled } from "@ant-design/icons";
import type { Customer } from "@kexin/contracts";
import { Card, Descriptions, Space, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatCalendarDate, formatDate, formatMoney, formatNumber } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";

const CHANNELS = [
  ["email", "customer.channelEmail"],
  ["sms", "customer.channelSms"],
  ["wechat", "customer.channelWechat"],
  ["phone", "customer.channelPhone"],
] as const;

const dash = (value: string | null) => value || "—";

export function CustomerProfile({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const genders = { female: t("customer.genderFemale"), male: t("customer.genderMale"), unknown: t("customer.genderUnknown") };
  const attributes = Object.entries(customer.attributes);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card title={t("customer.profile")} size="small">
        <Descriptions column={1} size="small" styles={{ label: { width: 120 } }}>
          <Descriptions.Item label={t("customers.code")}>{dash(customer.code)}</Descriptions.Item>
          <Descriptions.Item label={t("customer.kind")}>
            {customer.kind === "company" ? t("customer.kindCompany") : t("customer.kindPerson")}
          </Descriptions.Item>
          <Descriptions.Item label={t("customer.gender")}>{genders[customer.gender]}</Descriptions.Item>
          <Descriptions.Item label={t("customer.birthday")}>{formatCalendarDate(locale, customer.birthday)}</Descriptions.Item>
          <Descriptions.Item label={t("customers.phone")}>{dash(customer.phone)}</Descriptions.Item>
          <Descriptions.Item label={t("customers.email")}>{dash(customer.email)}</Descriptions.Item>
          <Descriptions.Item label={t("customer.wechat")}>{dash(customer.wechat)}</Descriptions.Item>
          <Descriptions.Item label={t("customers.city")}>{dash(customer.city)}</Descriptions.Item>
          {customer.company && <Descriptions.Item label={t("customer.company")}>{customer.company}</Descriptions.Item>}
          <Descriptions.Item label={t("customers.homeStore")}>{dash(customer.homeStoreName)}</Descriptions.Item>
          <Descriptions.Item label={t("customer.accountManager")}>{dash(customer.accountManagerName)}</Descriptions.Item>
          <Descriptions.Item label={t("customer.firstPurchaseAt")}>{formatDate(locale, customer.firstPurchaseAt)}</Descriptions.Item>
          <Descriptions.Item label={t("customers.lastPurchaseAt")}>{formatDate(locale, customer.lastPurchaseAt)}</Descriptions.Item>
          <Descriptions.Item label={t("customers.purchaseCount")}>{formatNumber(locale, customer.purchaseCount)}</Descriptions.Item>
          <Descriptions.Item label={t("customers.totalSpent")}>{formatMoney(locale, customer.totalSpent)}</Descriptions.Item>
          <Descriptions.Item label={t("customer.createdAt")}>{formatDate(locale, customer.createdAt)}</Descriptions.Item>
        </Descriptions>
        {customer.tags.length > 0 && (
          <div style={{ marginTop: 8 }} data-testid="customer-tags">
            {customer.tags.map((tag) => (
              <Tag key={tag} color="volcano">
                {tag}
              </Tag>
            ))}
          </div>
        )}
      </Card>

      <Card title={<Tooltip title={t("customer.consentHint")}>{t("customer.consent")}</Tooltip>} size="small">
        <Space wrap data-testid="customer-consent">
          {CHANNELS.map(([channel, label]) =>
            customer.consent[channel] ? (
              <Tag key={channel} icon={<CheckCircleFilled />} color="success">
                {t(label)} · {t("customer.optedIn")}
              </Tag>
            ) : (
              <Tag key={channel} icon={<StopFilled />} color="error">
                {t(label)} · {t("customer.optedOut")}
              </Tag>
            ),
          )}
        </Space>
      </Card>

      <Card title={`${t("customer.preferences")} / ${t("customer.needs")}`} size="small">
        <Typography.Text type="secondary">{t("customer.preferences")}</Typography.Text>
        <Typography.Paragraph className="kexin-pre">{dash(customer.preferences)}</Typography.Paragraph>
        <Typography.Text type="secondary">{t("customer.needs")}</Typography.Text>
        <Typography.Paragraph className="kexin-pre" style={{ marginBottom: 0 }}>
          {dash(customer.needs)}
        </Typography.Paragraph>
      </Card>

      <Card title={t("customer.personalNote")} size="small" style={{ background: "#fffbe6" }}>
        <Typography.Paragraph className="kexin-pre" style={{ marginBottom: 0 }} data-testid="customer-personal-note">
          {dash(customer.personalNote)}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("customer.personalNoteHint")}
        </Typography.Text>
      </Card>

      {attributes.length > 0 && (
        <Card title={t("customer.attributes")} size="small">
          <Descriptions column={1} size="small">
            {attributes.map(([key, value]) => (
              <Descriptions.Item key={key} label={key}>
                {typeof value === "boolean" ? (value ? t("common.yes") : t("common.no")) : String(value)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
