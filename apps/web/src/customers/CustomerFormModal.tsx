/**
 * Create or edit a customer. Ant Design checks the fields first (its messages follow the chosen language); a
 * field the server still refuses gets the server's message under that field.
 */
import type { Customer } from "@kexin/contracts";
import { App, Form, Modal } from "antd";
import type { NamePath } from "antd/es/form/interface";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { createCustomer, updateCustomer } from "../api/customers-api.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { CustomerFormFields } from "./CustomerFormFields.tsx";
import { EMPTY_CUSTOMER, toCustomerInput, toFormValues, type CustomerFormValues } from "./customer-form-values.ts";

interface Props {
  open: boolean;
  /** The customer to edit; absent to create a new one. */
  customer?: Customer;
  onClose(): void;
  onSaved(customer: Customer): void;
}

export function CustomerFormModal({ open, customer, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<CustomerFormValues>();
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(customer ? toFormValues(customer) : EMPTY_CUSTOMER);
  }, [open, customer, form]);

  /** Server messages are in English; for the fields people most often get wrong, say it in their language. */
  const fieldMessage = (error: ApiError): string => {
    if (error.field === "phone") return t("customer.phoneInvalid");
    if (error.field === "birthday") return t("customer.dateInvalid");
    return error.message;
  };

  async function save(values: CustomerFormValues) {
    setSaving(true);
    try {
      const input = toCustomerInput(values);
      const saved = customer ? await updateCustomer(customer.id, input) : await createCustomer(input);
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.field) {
        const path = caught.field.split(".") as NamePath<CustomerFormValues>;
        form.setFields([{ name: path, errors: [fieldMessage(caught)] }]);
        form.scrollToField(path);
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
      title={customer ? t("customer.editTitle") : t("customer.newTitle")}
      width={760}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ "data-testid": "customer-form-save" } as Record<string, string>}
    >
      <Form<CustomerFormValues> form={form} layout="vertical" onFinish={save} scrollToFirstError initialValues={EMPTY_CUSTOMER}>
        <CustomerFormFields />
      </Form>
    </Modal>
  );
}
