/** Adds a call, visit, message or note to the customer's timeline. */
import { InteractionKind, type InteractionCreate } from "@kexin/contracts";
import { App, Button, Form, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { addInteraction } from "../api/customers-api.ts";
import { useErrorText } from "../layout/useErrorText.ts";

interface Values {
  kind: InteractionCreate["kind"];
  summary: string;
  body?: string;
}

export function InteractionForm({ customerId, onAdded }: { customerId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [isSaving, setSaving] = useState(false);

  async function submit(values: Values) {
    setSaving(true);
    try {
      await addInteraction(customerId, { kind: values.kind, summary: values.summary.trim(), body: values.body?.trim() || null });
      form.resetFields(["summary", "body"]);
      void message.success(t("interaction.added"));
      onAdded();
    } catch (caught) {
      if (caught instanceof ApiError && (caught.field === "summary" || caught.field === "body" || caught.field === "kind")) {
        form.setFields([{ name: caught.field, errors: [caught.message] }]);
      } else {
        void message.error(errorText(caught));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: "call" }}>
      <Form.Item name="kind" label={t("interaction.kind")} rules={[{ required: true }]}>
        <Select
          data-testid="interaction-kind"
          options={InteractionKind.options.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item name="summary" label={t("interaction.summary")} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
        <Input placeholder={t("interaction.summaryPlaceholder")} data-testid="interaction-summary" maxLength={200} />
      </Form.Item>
      <Form.Item name="body" label={t("interaction.body")} rules={[{ max: 10_000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="interaction-body" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isSaving} data-testid="interaction-submit">
        {t("interaction.submit")}
      </Button>
    </Form>
  );
}
