/**
 * "Add feedback": what the customer said, on which channel, optionally who said it (a customer found by name or
 * phone, or just a name and contact) and the store. A field the server refuses gets its message under that field.
 */
import { FeedbackChannel, type Feedback, type FeedbackCreate } from "@kexin/contracts";
import { App, Col, Form, Input, Modal, Rate, Row, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { createFeedback } from "../api/feedback-api.ts";
import { useMe } from "../auth/useSession.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { CustomerSearchSelect } from "./CustomerSearchSelect.tsx";

interface FormValues {
  channel: FeedbackChannel;
  body: string;
  customerId?: string;
  authorName?: string;
  authorContact?: string;
  rating?: number;
  storeId?: string;
}

const FIELDS: readonly string[] = ["channel", "body", "customerId", "authorName", "authorContact", "rating", "storeId"];

export function FeedbackFormModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(feedback: Feedback): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const [isSaving, setSaving] = useState(false);
  const customerId = Form.useWatch("customerId", form);
  const defaults: Partial<FormValues> = { channel: "phone", storeId: me.stores.length === 1 ? me.stores[0].id : undefined };

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  async function save(values: FormValues) {
    setSaving(true);
    try {
      const input: FeedbackCreate = {
        channel: values.channel,
        body: values.body,
        rating: values.rating || null,
        storeId: values.storeId ?? null,
        customerId: values.customerId ?? null,
        authorName: values.customerId ? null : values.authorName?.trim() || null,
        authorContact: values.customerId ? null : values.authorContact?.trim() || null,
      };
      onSaved(await createFeedback(input));
    } catch (caught) {
      if (caught instanceof ApiError && caught.field && FIELDS.includes(caught.field)) {
        form.setFields([{ name: caught.field as keyof FormValues, errors: [caught.message] }]);
      } else {
        void message.error(errorText(caught));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t("feedback.form.title")}
      width={640}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ "data-testid": "feedback-submit" } as Record<string, string>}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={save} initialValues={defaults}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="channel" label={t("feedback.form.channel")} rules={[{ required: true }]}>
              <Select
                options={FeedbackChannel.options.map((channel) => ({ value: channel, label: t(`feedback.channels.${channel}`) }))}
                data-testid="feedback-channel-input"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="storeId" label={t("feedback.form.store")}>
              <Select
                allowClear
                placeholder={t("feedback.noStore")}
                options={me.stores.map((store) => ({ value: store.id, label: store.name }))}
                data-testid="feedback-store-input"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="body"
          label={t("feedback.form.body")}
          rules={[{ required: true, whitespace: true, message: t("feedback.form.bodyRequired") }, { max: 10_000 }]}
        >
          <Input.TextArea rows={5} showCount maxLength={10_000} placeholder={t("feedback.form.bodyPlaceholder")} data-testid="feedback-body-input" />
        </Form.Item>
        <Form.Item name="customerId" label={t("feedback.form.customer")}>
          <CustomerSearchSelect
            placeholder={t("feedback.form.customerPlaceholder")}
            testId="feedback-customer-input"
            onChange={(_id, option) => {
              // The customer's home store is the natural default; a chosen store stays.
              if (option?.homeStoreId && !form.getFieldValue("storeId")) form.setFieldValue("storeId", option.homeStoreId);
            }}
          />
        </Form.Item>
        {!customerId && (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="authorName" label={t("feedback.form.authorName")} rules={[{ max: 100 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="authorContact" label={t("feedback.form.authorContact")} rules={[{ max: 200 }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="rating" label={t("feedback.form.rating")}>
          <Rate allowClear />
        </Form.Item>
      </Form>
    </Modal>
  );
}
