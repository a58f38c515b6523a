/** A new public or kiosk link: a name staff recognise, the kind, and the store its answers count for. */
import type { Store, SurveyDetail, SurveyLink } from "@kexin/contracts";
import { App, Form, Input, Modal, Radio, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { createSurveyLink } from "../../api/distribution-api.ts";
import { useMe } from "../../auth/useSession.ts";
import { useErrorText } from "../../layout/useErrorText.ts";

interface Values {
  label: string;
  kind: SurveyLink["kind"];
  storeId?: string;
}

const KINDS: SurveyLink["kind"][] = ["public", "kiosk"];

export function CreateLinkModal({ open, survey, stores, onClose, onCreated }: {
  open: boolean;
  survey: SurveyDetail;
  stores: Store[];
  onClose(): void;
  onCreated(link: SurveyLink): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [isSaving, setSaving] = useState(false);
  // Store staff hang links at their own counters; only organisation-wide roles make a link for "any store".
  const isStoreBound = me.role === "store_manager" || me.role === "agent";
  const isStoreFixed = survey.storeId !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const storeId = survey.storeId ?? (isStoreBound ? stores[0]?.id : undefined);
    form.setFieldsValue({ kind: "public", storeId });
  }, [open, form, survey.storeId, isStoreBound, stores]);

  async function create(values: Values) {
    setSaving(true);
    try {
      onCreated(await createSurveyLink(survey.id, { label: values.label.trim(), kind: values.kind, storeId: values.storeId ?? null }));
    } catch (caught) {
      if (caught instanceof ApiError && (caught.field === "label" || caught.field === "storeId")) {
        form.setFields([{ name: caught.field, errors: [caught.message] }]);
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
      title={t("distribution.createLink.title")}
      okText={t("distribution.createLink.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ "data-testid": "link-create-submit" } as Record<string, string>}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void create(values)}>
        <Form.Item
          name="label"
          label={t("distribution.createLink.label")}
          rules={[{ required: true, whitespace: true, message: t("distribution.createLink.labelRequired") }]}
        >
          <Input maxLength={120} placeholder={t("distribution.createLink.labelPlaceholder")} data-testid="link-label-input" />
        </Form.Item>
        <Form.Item name="kind" label={t("distribution.createLink.kind")}>
          <Radio.Group>
            <Space orientation="vertical">
              {KINDS.map((kind) => (
                <Radio key={kind} value={kind} data-testid={`link-kind-${kind}`}>
                  {t(`distribution.kinds.${kind}`)}
                  <Typography.Text type="secondary" className="kexin-radio-hint">
                    {t(`distribution.kindHints.${kind}`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="storeId"
          label={t("distribution.createLink.store")}
          extra={isStoreFixed ? t("distribution.createLink.storeFixed") : t("distribution.createLink.storeHint")}
          rules={isStoreBound ? [{ required: true, message: t("distribution.createLink.storeRequired") }] : []}
        >
          <Select
            allowClear={!isStoreBound && !isStoreFixed}
            disabled={isStoreFixed}
            placeholder={t("distribution.createLink.anyStore")}
            options={stores.map((store) => ({ value: store.id, label: store.name }))}
            data-testid="link-store-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
