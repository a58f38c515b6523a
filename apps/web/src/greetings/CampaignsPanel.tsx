/**
 * Campaigns to a segment: build the filter, count who it reaches (matched, opted out, no address), then schedule
 * it for a time; the table below follows each campaign's letters by status.
 */
import type { DeliveryStatus, GreetingCampaign, GreetingChannel, GreetingTemplate, Segment, SegmentPreview } from "@kexin/contracts";
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { cancelCampaign, previewSegment, scheduleCampaign } from "./greetings-api.ts";
import { SegmentFields, useSegmentText } from "./SegmentFields.tsx";

const CHANNELS: GreetingChannel[] = ["email", "sms", "wechat"];
const STATUS_COLORS = { scheduled: "blue", sending: "processing", done: "green", cancelled: "default" } as const;

/** `datetime-local` wants local wall-clock time without a zone: an hour from now, on the minute. */
function inAnHour(): string {
  const at = new Date(Date.now() + 3_600_000);
  at.setSeconds(0, 0);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function CampaignsPanel({
  campaigns,
  templates,
  canWrite,
  onChanged,
}: {
  campaigns: GreetingCampaign[];
  templates: GreetingTemplate[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const segmentText = useSegmentText();
  const liveTemplates = templates.filter((template) => !template.isArchived);
  const [name, setName] = useState("");
  const [templateId, setTemplateId] = useState<string>();
  const [channel, setChannel] = useState<GreetingChannel>("email");
  const [segment, setSegment] = useState<Segment>({});
  const [scheduledAt, setScheduledAt] = useState(inAnHour);
  const [count, setCount] = useState<SegmentPreview>();
  const [error, setError] = useState<Error>();
  const [isBusy, setBusy] = useState(false);

  async function countRecipients() {
    setBusy(true);
    setError(undefined);
    try {
      setCount(await previewSegment({ segment, channel }));
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  }

  async function schedule() {
    setBusy(true);
    setError(undefined);
    try {
      const campaign = await scheduleCampaign({
        name,
        templateId: templateId ?? "",
        channel,
        segment,
        scheduledAt: new Date(scheduledAt).toISOString(),
      });
      message.success(t("greetings.campaigns.scheduled", { count: campaign.estimatedCount }));
      setName("");
      setCount(undefined);
      onChanged();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  }

  async function cancel(campaign: GreetingCampaign) {
    try {
      await cancelCampaign(campaign.id);
      onChanged();
    } catch (caught) {
      message.error(errorText(caught));
    }
  }

  const fieldError = (field: string) =>
    error instanceof ApiError && error.field === field ? { validateStatus: "error" as const, help: error.message } : {};

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {canWrite && (
        <Card size="small" title={t("greetings.campaigns.new")} data-testid="greeting-campaign-form">
          <Form layout="vertical">
            <Space wrap align="start">
              <Form.Item label={t("greetings.campaigns.name")} {...fieldError("name")}>
                <Input style={{ width: 220 }} value={name} onChange={(event) => setName(event.target.value)} data-testid="campaign-name" />
              </Form.Item>
              <Form.Item label={t("greetings.campaigns.template")} {...fieldError("templateId")}>
                <Select
                  style={{ width: 240 }}
                  value={templateId}
                  onChange={setTemplateId}
                  options={liveTemplates.map((template) => ({ value: template.id, label: `${template.name} (${template.language})` }))}
                  data-testid="campaign-template"
                />
              </Form.Item>
              <Form.Item label={t("greetings.campaigns.channel")}>
                <Select
                  style={{ width: 110 }}
                  value={channel}
                  onChange={(next: GreetingChannel) => {
                    setChannel(next);
                    setCount(undefined);
                  }}
                  options={CHANNELS.map((value) => ({ value, label: t(`greetings.channels.${value}`) }))}
                />
              </Form.Item>
              <Form.Item label={t("greetings.campaigns.scheduledAt")} {...fieldError("scheduledAt")}>
                <Input type="datetime-local" value={scheduledAt} onChange={(event) => setScheduledAt(event.target.value)} data-testid="campaign-time" />
              </Form.Item>
            </Space>
            <SegmentFields
              value={segment}
              onChange={(next) => {
                setSegment(next);
                setCount(undefined);
              }}
            />
            {error && !(error instanceof ApiError && error.field) && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
            <Space wrap>
              <Button loading={isBusy} onClick={() => void countRecipients()} data-testid="campaign-count">
                {t("greetings.campaigns.previewCount")}
              </Button>
              {count && (
                <Typography.Text data-testid="campaign-count-result">{t("greetings.campaigns.previewResult", count)}</Typography.Text>
              )}
              <Button type="primary" disabled={!count || !name || !templateId} loading={isBusy} onClick={() => void schedule()} data-testid="campaign-schedule">
                {t("greetings.campaigns.schedule")}
              </Button>
            </Space>
          </Form>
        </Card>
      )}
      <Table<GreetingCampaign>
        rowKey="id"
        size="small"
        dataSource={campaigns}
        pagination={false}
        locale={{ emptyText: t("greetings.campaigns.empty") }}
        data-testid="greeting-campaigns"
        columns={[
          { title: t("greetings.campaigns.name"), dataIndex: "name" },
          { title: t("greetings.campaigns.template"), dataIndex: "templateName" },
          { title: t("greetings.campaigns.channel"), render: (_, campaign) => t(`greetings.channels.${campaign.channel}`) },
          { title: t("greetings.rules.segment"), render: (_, campaign) => segmentText(campaign.segment) },
          { title: t("greetings.campaigns.scheduledAt"), render: (_, campaign) => formatDateTime(locale, campaign.scheduledAt) },
          {
            title: t("greetings.deliveries.status"),
            render: (_, campaign) => <Tag color={STATUS_COLORS[campaign.status]}>{t(`greetings.campaigns.status.${campaign.status}`)}</Tag>,
          },
          {
            title: t("greetings.campaigns.progress"),
            render: (_, campaign) => (
              <Space size={4} wrap>
                <Typography.Text type="secondary">
                  {t("greetings.campaigns.estimated")} {campaign.estimatedCount}
                </Typography.Text>
                {(Object.entries(campaign.counts) as [DeliveryStatus, number][]).map(([status, n]) => (
                  <Tag key={status}>
                    {t(`greetings.statuses.${status}`)} {n}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: "",
            render: (_, campaign) =>
              canWrite &&
              (campaign.status === "scheduled" || campaign.status === "sending") && (
                <Popconfirm title={t("greetings.campaigns.cancelConfirm")} onConfirm={() => cancel(campaign)}>
                  <Button size="small" danger>
                    {t("greetings.campaigns.cancel")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Space>
  );
}
