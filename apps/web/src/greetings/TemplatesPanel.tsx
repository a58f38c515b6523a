/**
 * Templates: the list on the left (built-in and the organisation's own), the editor on the right with a live
 * preview for a chosen customer — what that customer would receive, rendered by the server as it will be sent.
 * A liquid error shows under the field it is in, in liquid's own words.
 */
import { PlusOutlined } from "@ant-design/icons";
import {
  TEMPLATE_PURPOSES,
  type GreetingLanguage,
  type GreetingPreview,
  type GreetingTemplate,
  type TemplatePurpose,
} from "@kexin/contracts";
import { Alert, App, Button, Card, Col, Empty, Form, Input, List, Row, Select, Space, Tag, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { CustomerPicker } from "./CustomerPicker.tsx";
import { createTemplate, previewGreeting, updateTemplate } from "./greetings-api.ts";

const FIELDS = [
  "customer.salutation",
  "customer.name",
  "customer.honorific",
  "customer.tier",
  "customer.points",
  "store.name",
  "last_purchase.date",
  "last_purchase.amount",
  "hints.preferences",
  "hints.note",
  "occasion.name",
  "org.name",
  "today",
];
const LANGUAGES: GreetingLanguage[] = ["zh-CN", "en", "zh-TW"];

interface Draft {
  id: string | null;
  name: string;
  purpose: TemplatePurpose;
  language: GreetingLanguage;
  subject: string;
  body: string;
  isArchived: boolean;
  builtinKey: string | null;
}

const emptyDraft: Draft = { id: null, name: "", purpose: "other", language: "zh-CN", subject: "", body: "", isArchived: false, builtinKey: null };

export function TemplatesPanel({
  templates,
  canWrite,
  onSaved,
}: {
  templates: GreetingTemplate[];
  canWrite: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [customerId, setCustomerId] = useState<string>();
  const [preview, setPreview] = useState<GreetingPreview>();
  const [previewError, setPreviewError] = useState<ApiError | Error>();
  const [saveError, setSaveError] = useState<ApiError | Error>();
  const [isSaving, setSaving] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    if (!draft && templates.length > 0) setDraft({ ...templates[0] });
  }, [templates, draft]);

  // Live preview: the draft as it stands, rendered for the chosen customer, a moment after typing stops.
  useEffect(() => {
    if (!draft || !customerId || !draft.subject || !draft.body) {
      setPreview(undefined);
      return;
    }
    let isCurrent = true;
    const timer = setTimeout(() => {
      previewGreeting({ customerId, subject: draft.subject, body: draft.body, language: draft.language, ...(draft.id && { templateId: draft.id }) })
        .then((rendered) => {
          if (!isCurrent) return;
          setPreview(rendered);
          setPreviewError(undefined);
        })
        .catch((error: Error) => isCurrent && setPreviewError(error));
    }, 350);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [draft?.subject, draft?.body, draft?.language, draft?.id, customerId]);

  const change = (patch: Partial<Draft>) => {
    setSaveError(undefined);
    setDraft((current) => (current ? { ...current, ...patch } : current));
  };

  function insertField(field: string) {
    if (!draft) return;
    const token = `{{ ${field} }}`;
    const area = bodyRef.current;
    const at = area?.selectionStart ?? draft.body.length;
    change({ body: draft.body.slice(0, at) + token + draft.body.slice(area?.selectionEnd ?? at) });
  }

  async function save(patch: Partial<Draft> = {}) {
    if (!draft) return;
    const next = { ...draft, ...patch };
    setSaving(true);
    try {
      const input = { name: next.name, purpose: next.purpose, language: next.language, subject: next.subject, body: next.body };
      const saved = next.id ? await updateTemplate(next.id, { ...input, isArchived: next.isArchived }) : await createTemplate(input);
      setDraft({ ...saved });
      message.success(t("greetings.templates.saved"));
      onSaved();
    } catch (error) {
      setSaveError(error as Error);
    } finally {
      setSaving(false);
    }
  }

  const fieldError = (field: string) =>
    saveError instanceof ApiError && saveError.field === field ? { validateStatus: "error" as const, help: saveError.message } : {};
  const previewFieldError = previewError instanceof ApiError && previewError.field ? previewError.message : undefined;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        <Card
          size="small"
          title={t("greetings.tabs.templates")}
          extra={
            canWrite && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDraft({ ...emptyDraft })} data-testid="greeting-template-new">
                {t("greetings.templates.new")}
              </Button>
            )
          }
        >
          <List
            size="small"
            dataSource={templates}
            data-testid="greeting-template-list"
            renderItem={(template) => (
              <List.Item
                onClick={() => {
                  setSaveError(undefined);
                  setDraft({ ...template });
                }}
                className={`kexin-greeting-template${draft?.id === template.id ? " is-selected" : ""}`}
                data-testid="greeting-template-item"
              >
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong={draft?.id === template.id}>{template.name}</Typography.Text>
                  <Space size={4} wrap>
                    <Tag>{t(`greetings.purposes.${template.purpose}`)}</Tag>
                    <Tag color="blue">{template.language}</Tag>
                    {template.builtinKey && <Tag color="gold">{t("greetings.templates.builtin")}</Tag>}
                    {template.isArchived && <Tag>{t("greetings.templates.archived")}</Tag>}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        {!draft ? (
          <Empty description={t("greetings.templates.selectTemplate")} />
        ) : (
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              <Card size="small" title={draft.name || t("greetings.templates.new")}>
                <Form layout="vertical" disabled={!canWrite}>
                  <Space wrap style={{ width: "100%" }}>
                    <Form.Item label={t("greetings.templates.name")} {...fieldError("name")}>
                      <Input value={draft.name} onChange={(event) => change({ name: event.target.value })} data-testid="greeting-template-name" />
                    </Form.Item>
                    <Form.Item label={t("greetings.templates.purpose")}>
                      <Select
                        style={{ width: 160 }}
                        value={draft.purpose}
                        onChange={(purpose: TemplatePurpose) => change({ purpose })}
                        options={TEMPLATE_PURPOSES.map((purpose) => ({ value: purpose, label: t(`greetings.purposes.${purpose}`) }))}
                      />
                    </Form.Item>
                    <Form.Item label={t("greetings.templates.language")}>
                      <Select
                        style={{ width: 120 }}
                        value={draft.language}
                        onChange={(language: GreetingLanguage) => change({ language })}
                        options={LANGUAGES.map((language) => ({ value: language, label: t(`greetings.languages.${language}`) }))}
                      />
                    </Form.Item>
                  </Space>
                  <Form.Item label={t("greetings.templates.subject")} {...fieldError("subject")}>
                    <Input value={draft.subject} onChange={(event) => change({ subject: event.target.value })} data-testid="greeting-template-subject" />
                  </Form.Item>
                  <Form.Item label={t("greetings.templates.body")} {...fieldError("body")}>
                    <Input.TextArea
                      ref={(instance) => {
                        bodyRef.current = instance?.resizableTextArea?.textArea ?? null;
                      }}
                      value={draft.body}
                      autoSize={{ minRows: 10, maxRows: 22 }}
                      onChange={(event) => change({ body: event.target.value })}
                      className="kexin-greeting-body"
                      data-testid="greeting-template-body"
                    />
                  </Form.Item>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
                    {t("greetings.templates.fieldsHelp")}
                  </Typography.Paragraph>
                  <Space size={[4, 4]} wrap style={{ marginBottom: 12 }}>
                    {FIELDS.map((field) => (
                      <Tag key={field} className="kexin-greeting-field" onClick={() => canWrite && insertField(field)}>
                        {field}
                      </Tag>
                    ))}
                  </Space>
                  {saveError && !(saveError instanceof ApiError && saveError.field) && (
                    <Alert type="error" showIcon title={errorText(saveError)} style={{ marginBottom: 12 }} />
                  )}
                  {canWrite && (
                    <Space>
                      <Button type="primary" loading={isSaving} onClick={() => void save()} data-testid="greeting-template-save">
                        {t("greetings.templates.save")}
                      </Button>
                      {draft.id && (
                        <Button onClick={() => void save({ isArchived: !draft.isArchived })}>
                          {draft.isArchived ? t("greetings.templates.restore") : t("greetings.templates.archive")}
                        </Button>
                      )}
                    </Space>
                  )}
                </Form>
              </Card>
            </Col>
            <Col xs={24} xl={11}>
              <Card size="small" title={t("greetings.templates.previewFor")} data-testid="greeting-preview">
                <CustomerPicker
                  value={customerId}
                  onChange={setCustomerId}
                  placeholder={t("greetings.templates.pickCustomer")}
                  testId="greeting-preview-customer"
                />
                <div style={{ marginTop: 12 }}>
                  {previewError ? (
                    <Alert type="error" showIcon title={previewFieldError ?? errorText(previewError)} data-testid="greeting-preview-error" />
                  ) : preview ? (
                    <GreetingPreviewView preview={preview} />
                  ) : (
                    <Typography.Text type="secondary">{t("greetings.templates.previewEmpty")}</Typography.Text>
                  )}
                </div>
              </Card>
            </Col>
          </Row>
        )}
      </Col>
    </Row>
  );
}

/** A rendered letter: its subject, then the body as the customer's mail client shows the plain-text part. */
export function GreetingPreviewView({ preview }: { preview: GreetingPreview }) {
  return (
    <div className="kexin-greeting-letter">
      <Typography.Text strong data-testid="greeting-preview-subject">
        {preview.subject}
      </Typography.Text>
      <div className="kexin-greeting-letter-body" data-testid="greeting-preview-text">
        {preview.text}
      </div>
    </div>
  );
}
