/**
 * PIPL rights for the roles allowed: download everything stored about the customer, or erase it after typing the
 * customer's name (the same confirmation GitHub uses for deleting a repository).
 */
import { DeleteOutlined, DownloadOutlined } from "@ant-design/icons";
import type { Customer } from "@kexin/contracts";
import { Alert, App, Button, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadPersonalData, eraseCustomer } from "../api/customers-api.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { useErrorText } from "../layout/useErrorText.ts";

export function PrivacyActions({ customer, onErased }: { customer: Customer; onErased(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [isExporting, setExporting] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const [typedName, setTypedName] = useState("");
  const [isErasing, setErasing] = useState(false);

  const mayExport = can(me.role, "customer.export");
  const mayErase = can(me.role, "customer.erase") && !customer.isErased;
  if (!mayExport && !mayErase) return null;

  async function exportData() {
    setExporting(true);
    try {
      await downloadPersonalData(customer.id, `personal-data-${customer.code ?? customer.id}.json`);
      void message.success(t("privacy.exported"));
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setExporting(false);
    }
  }

  async function erase() {
    setErasing(true);
    try {
      await eraseCustomer(customer.id);
      setConfirming(false);
      void message.success(t("privacy.erasedDone"));
      onErased();
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setErasing(false);
    }
  }

  const isNameMatching = typedName.trim() === customer.name.trim();
  return (
    <>
      <Space wrap>
        {mayExport && (
          <Button icon={<DownloadOutlined />} loading={isExporting} onClick={() => void exportData()} data-testid="privacy-export">
            {t("privacy.exportData")}
          </Button>
        )}
        {mayErase && (
          <Button danger icon={<DeleteOutlined />} onClick={() => setConfirming(true)} data-testid="privacy-erase">
            {t("privacy.erase")}
          </Button>
        )}
      </Space>
      <Modal
        open={isConfirming}
        title={t("privacy.eraseTitle")}
        okText={t("privacy.erase")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: true, disabled: !isNameMatching }}
        confirmLoading={isErasing}
        onOk={() => void erase()}
        onCancel={() => {
          setConfirming(false);
          setTypedName("");
        }}
      >
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Alert type="warning" showIcon title={t("privacy.eraseWarning")} />
          <Typography.Text>{t("privacy.eraseTypeName", { name: customer.name })}</Typography.Text>
          <Input
            value={typedName}
            onChange={(event) => setTypedName(event.target.value)}
            status={typedName && !isNameMatching ? "error" : undefined}
            data-testid="privacy-erase-name"
            autoComplete="off"
          />
          {typedName && !isNameMatching && <Typography.Text type="danger">{t("privacy.eraseMismatch")}</Typography.Text>}
        </Space>
      </Modal>
    </>
  );
}
