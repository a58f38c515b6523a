/** Files a complaint from the dashboard: reason, severity, what happened, store, customer or contact, staff involved. */
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, type ComplaintCreate, type Store, type User } from "@kexin/contracts";
import { App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { CustomerSearchSelect } from "../feedback/CustomerSearchSelect.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { createComplaint } from "./complaints-api.ts";

/** A data-testid for props typed without one (antd button props). */
export const testId = (id: string) => ({ "data-testid": id }) as unknown as Record<string, never>;

export function ComplaintFormModal({ open, stores, users, onClose, onCreated }: {
  open: boolean;
  stores: Store[];
  users: User[];
  onClose(): void;
  onCreated(id: string): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ComplaintCreate>();
  const [isSaving, setSaving] = useState(false);

  async function submit(values: ComplaintCreate) {
    setSaving(true);
    try {
      const complaint = await createComplaint({ ...values, channel: "dashboard" });
      message.success(t("complaints.form.created", { number: complaint.number }));
      form.resetFields();
      onCreated(complaint.id);
    } catch (error) {
      if (error instanceof ApiError && error.field) form.setFields([{ name: error.field as keyof ComplaintCreate, errors: [error.message] }]);
      else message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t("complaints.form.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("complaints.form.submit")}
      okButtonProps={{ loading: isSaving, ...testId("complaint-form-submit") }}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ severity: "medium", language: "zh-CN" }} data-testid="complaint-form">
        <Form.Item name="category" label={t("complaints.form.category")} rules={[{ required: true }]}>
          <Select data-testid="complaint-form-category" options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: t(`complaints.categories.${value}`) }))} />
        </Form.Item>
        <Form.Item name="severity" label={t("complaints.form.severity")}>
          <Select options={COMPLAINT_SEVERITIES.map((value) => ({ value, label: t(`complaints.severities.${value}`) }))} />
        </Form.Item>
        <Form.Item name="subject" label={t("complaints.form.subject")} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="complaint-form-subject" />
        </Form.Item>
        <Form.Item name="body" label={t("complaints.form.body")} rules={[{ required: true, max: 10000 }]}>
          <Input.TextArea rows={4} data-testid="complaint-form-body" />
        </Form.Item>
        <Form.Item name="storeId" label={t("complaints.form.store")}>
          <Select allowClear options={stores.map((store) => ({ value: store.id, label: store.name }))} />
        </Form.Item>
        <Form.Item name="customerId" label={t("complaints.form.customer")} extra={t("complaints.form.customerHint")}>
          <CustomerSearchSelect />
        </Form.Item>
        <Form.Item name="contactName" label={t("complaints.form.contactName")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contactEmail" label={t("complaints.form.contactEmail")} rules={[{ type: "email" }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t("complaints.form.contactPhone")}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="staffId" label={t("complaints.form.staff")}>
          <Select allowClear showSearch={{ optionFilterProp: "label" }} options={users.map((user) => ({ value: user.id, label: user.name }))} />
        </Form.Item>
        <Form.Item name="assigneeId" label={t("complaints.form.assignee")}>
          <Select allowClear showSearch={{ optionFilterProp: "label" }} options={users.map((user) => ({ value: user.id, label: user.name }))} />
        </Form.Item>
        <Form.Item name="language" label={t("complaints.form.language")}>
          <Select options={[{ value: "zh-CN", label: "简体中文" }, { value: "en", label: "English" }, { value: "zh-TW", label: "繁體中文" }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
