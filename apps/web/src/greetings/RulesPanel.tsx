/**
 * Occasion rules ("birthday greeting, email, 9:00"): a table with an on/off switch, a form for a new rule, and the
 * year's holiday dates so a manager sees when the lunar ones fall.
 */
import { PlusOutlined } from "@ant-design/icons";
import {
  RULE_OCCASIONS,
  type GreetingChannel,
  type GreetingRule,
  type GreetingRuleInput,
  type GreetingTemplate,
  type RuleOccasion,
  type Segment,
} from "@kexin/contracts";
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Table, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { useApiData } from "../api/useApiData.ts";
import { formatCalendarDate } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { createRule, getOccasions, updateRule } from "./greetings-api.ts";
import { SegmentFields, useSegmentText } from "./SegmentFields.tsx";

const CHANNELS: GreetingChannel[] = ["email", "sms", "wechat"];
const NEEDS_DAYS = new Set<RuleOccasion>(["after_purchase", "win_back"]);

export function RulesPanel({
  rules,
  templates,
  canWrite,
  onChanged,
}: {
  rules: GreetingRule[];
  templates: GreetingTemplate[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const segmentText = useSegmentText();
  const year = new Date().getFullYear();
  const { data: calendar } = useApiData(() => getOccasions(year), [year]);
  const [draft, setDraft] = useState<GreetingRuleInput | null>(null);
  const [saveError, setSaveError] = useState<Error>();
  const [isSaving, setSaving] = useState(false);
  const liveTemplates = templates.filter((template) => !template.isArchived);

  async function toggle(rule: GreetingRule, isActive: boolean) {
    try {
      await updateRule(rule.id, { isActive });
      onChanged();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  async function save() {
    if (!draft) return;
    setSaving(true);
    try {
      await createRule(draft);
      message.success(t("greetings.rules.created"));
      setDraft(null);
      onChanged();
    } catch (error) {
      setSaveError(error as Error);
    } finally {
      setSaving(false);
    }
  }

  function startNew() {
    setSaveError(undefined);
    const birthday = liveTemplates.find((template) => template.purpose === "birthday") ?? liveTemplates[0];
    setDraft({ name: t("greetings.occasions.birthday"), occasion: "birthday", templateId: birthday?.id ?? "", channel: "email", sendTime: "09:00", segment: {} });
  }

  return (
    <Row gutter={16}>
      <Col xs={24} xl={17}>
        <Card
          size="small"
          title={t("greetings.tabs.rules")}
          extra={
            canWrite && (
              <Button size="small" icon={<PlusOutlined />} onClick={startNew} data-testid="greeting-rule-new">
                {t("greetings.rules.new")}
              </Button>
            )
          }
        >
          <Table<GreetingRule>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={rules}
            data-testid="greeting-rules"
            columns={[
              { title: t("greetings.rules.name"), dataIndex: "name" },
              {
                title: t("greetings.rules.occasion"),
                render: (_, rule) =>
                  `${t(`greetings.occasions.${rule.occasion}`)}${rule.daysAfter !== null && NEEDS_DAYS.has(rule.occasion) ? ` · N=${rule.daysAfter}` : ""}`,
              },
              { title: t("greetings.rules.template"), dataIndex: "templateName" },
              { title: t("greetings.rules.channel"), render: (_, rule) => <Tag>{t(`greetings.channels.${rule.channel}`)}</Tag> },
              { title: t("greetings.rules.sendTime"), dataIndex: "sendTime" },
              { title: t("greetings.rules.segment"), render: (_, rule) => segmentText(rule.segment) },
              {
                title: t("greetings.rules.active"),
                render: (_, rule) => (
                  <Switch size="small" checked={rule.isActive} disabled={!canWrite} onChange={(checked) => void toggle(rule, checked)} />
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <Card size="small" title={t("greetings.rules.calendar", { year })} data-testid="greeting-calendar">
          <Timeline
            items={(calendar?.items ?? []).map((item) => ({
              content: (
                <span>
                  <Typography.Text strong>{formatCalendarDate(locale, item.date)}</Typography.Text> {t(`greetings.occasions.${item.occasion}`)}
                </span>
              ),
            }))}
          />
        </Card>
      </Col>
      <Modal
        open={draft !== null}
        title={t("greetings.rules.new")}
        width={760}
        okText={t("greetings.templates.save")}
        confirmLoading={isSaving}
        onOk={() => void save()}
        onCancel={() => setDraft(null)}
        destroyOnHidden
      >
        {draft && (
          <Form layout="vertical">
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item label={t("greetings.rules.name")}>
                  <Input value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} data-testid="greeting-rule-name" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t("greetings.rules.occasion")}>
                  <Select
                    value={draft.occasion}
                    onChange={(occasion: RuleOccasion) =>
                      setDraft({ ...draft, occasion, daysAfter: NEEDS_DAYS.has(occasion) ? (occasion === "win_back" ? 180 : 7) : null })
                    }
                    options={RULE_OCCASIONS.map((occasion) => ({ value: occasion, label: t(`greetings.occasions.${occasion}`) }))}
                    data-testid="greeting-rule-occasion"
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  label={t("greetings.rules.template")}
                  {...(saveError instanceof ApiError && saveError.field === "templateId" && { validateStatus: "error", help: saveError.message })}
                >
                  <Select
                    value={draft.templateId || undefined}
                    onChange={(templateId: string) => setDraft({ ...draft, templateId })}
                    options={liveTemplates.map((template) => ({ value: template.id, label: `${template.name} (${template.language})` }))}
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label={t("greetings.rules.channel")}>
                  <Select
                    value={draft.channel}
                    onChange={(channel: GreetingChannel) => setDraft({ ...draft, channel })}
                    options={CHANNELS.map((channel) => ({ value: channel, label: t(`greetings.channels.${channel}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label={t("greetings.rules.sendTime")}>
                  <Input type="time" value={draft.sendTime} onChange={(event) => setDraft({ ...draft, sendTime: event.target.value })} />
                </Form.Item>
              </Col>
              {NEEDS_DAYS.has(draft.occasion) && (
                <Col span={6}>
                  <Form.Item label={t("greetings.rules.daysAfter")}>
                    <InputNumber min={0} max={3650} value={draft.daysAfter ?? undefined} onChange={(days) => setDraft({ ...draft, daysAfter: days ?? null })} />
                  </Form.Item>
                </Col>
              )}
            </Row>
            <Typography.Text strong>{t("greetings.rules.segment")}</Typography.Text>
            <SegmentFields value={(draft.segment ?? {}) as Segment} onChange={(segment) => setDraft({ ...draft, segment })} />
            {saveError && !(saveError instanceof ApiError && saveError.field === "templateId") && <Alert type="error" showIcon title={errorText(saveError)} />}
          </Form>
        )}
      </Modal>
    </Row>
  );
}
