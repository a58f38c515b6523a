/** Open a staff account, or change one's name, role and stores. */
import { Role, type Store, type User, type UserCreate } from "@kexin/contracts";
import { App, Form, Input, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { createUser, updateUser } from "../api/admin-api.ts";
import { ApiError } from "../api/client.ts";
import { useErrorText } from "../layout/useErrorText.ts";

type Values = Omit<UserCreate, "storeIds"> & { storeIds: string[] };

interface Props {
  open: boolean;
  user?: User;
  stores: Store[];
  onClose(): void;
  onSaved(user: User): void;
}

/** Organisation-wide roles see every store; only store managers and agents are tied to stores. */
const isStoreBound = (role: Role | undefined) => role === "store_manager" || role === "agent";

export function UserFormModal({ open, user, stores, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch("role", form);
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(user ? { email: user.email, name: user.name, role: user.role, storeIds: user.storeIds } : { role: "agent", storeIds: [] });
  }, [open, user, form]);

  async function save(values: Values) {
    setSaving(true);
    const storeIds = isStoreBound(values.role) ? values.storeIds : [];
    try {
      const saved = user
        ? await updateUser(user.id, { name: values.name, role: values.role, storeIds })
        : await createUser({ ...values, storeIds });
      onSaved(saved);
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.field : undefined;
      if (caught instanceof ApiError && (field === "email" || field === "name" || field === "password" || field === "role" || field === "storeIds")) {
        form.setFields([{ name: field, errors: [caught.message] }]);
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
      title={user ? t("users.editTitle") : t("users.newUser")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={save}>
        <Form.Item name="email" label={t("users.email")} rules={[{ required: true }, { type: "email" }, { max: 200 }]}>
          <Input disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t("users.name")} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t("users.role")} rules={[{ required: true }]}>
          <Select options={Role.options.map((option) => ({ value: option, label: t(`roles.${option}`) }))} />
        </Form.Item>
        {isStoreBound(role) && (
          <Form.Item name="storeIds" label={t("users.stores")} rules={[{ required: true, type: "array", min: 1 }]}>
            <Select mode="multiple" options={stores.map((store) => ({ value: store.id, label: store.name }))} />
          </Form.Item>
        )}
        {!user && (
          <Form.Item name="password" label={t("users.password")} extra={t("users.passwordHint")} rules={[{ required: true }, { min: 10 }, { max: 200 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
