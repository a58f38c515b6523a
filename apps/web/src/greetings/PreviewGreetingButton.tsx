/** On a customer's page: pick a template and see the greeting this customer would receive. */
import { MailOutlined } from "@ant-design/icons";
import type { GreetingPreview } from "@kexin/contracts";
import { Alert, Button, Modal, Select, Space, Spin } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../api/useApiData.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { listTemplates, previewGreeting } from "./greetings-api.ts";
import { GreetingPreviewView } from "./TemplatesPanel.tsx";

export function PreviewGreetingButton({ customerId, customerName }: { customerId: string; customerName: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [isOpen, setOpen] = useState(false);
  const [templateId, setTemplateId] = useState<string>();
  const [preview, setPreview] = useState<GreetingPreview>();
  const [error, setError] = useState<unknown>();
  const { data: templates } = useApiData(() => (isOpen ? listTemplates() : Promise.resolve(undefined)), [isOpen]);
  const live = (templates?.items ?? []).filter((template) => !template.isArchived);

  useEffect(() => {
    if (!templateId && live.length > 0) setTemplateId(live[0].id);
  }, [live.length, templateId]);
  useEffect(() => {
    if (!isOpen || !templateId) return;
    let isCurrent = true;
    setPreview(undefined);
    previewGreeting({ customerId, templateId })
      .then((rendered) => isCurrent && (setPreview(rendered), setError(undefined)))
      .catch((caught: unknown) => isCurrent && setError(caught));
    return () => {
      isCurrent = false;
    };
  }, [isOpen, templateId, customerId]);

  return (
    <>
      <Button icon={<MailOutlined />} onClick={() => setOpen(true)} data-testid="customer-preview-greeting">
        {t("greetings.preview.button")}
      </Button>
      <Modal open={isOpen} title={t("greetings.preview.title", { name: customerName })} footer={null} width={640} onCancel={() => setOpen(false)}>
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Select
            style={{ width: "100%" }}
            value={templateId}
            onChange={setTemplateId}
            loading={!templates}
            options={live.map((template) => ({ value: template.id, label: `${template.name} (${template.language})` }))}
            aria-label={t("greetings.preview.template")}
          />
          {error ? <Alert type="error" showIcon title={errorText(error)} /> : preview ? <GreetingPreviewView preview={preview} /> : <Spin />}
        </Space>
      </Modal>
    </>
  );
}
