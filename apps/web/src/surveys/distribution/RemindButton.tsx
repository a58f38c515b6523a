/** The one reminder: to invitees who have not answered some hours (72 by default) after their invitation. */
import { BellOutlined } from "@ant-design/icons";
import { App, Button, InputNumber, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { remindInvitations } from "../../api/distribution-api.ts";
import { useErrorText } from "../../layout/useErrorText.ts";

const DEFAULT_HOURS = 72;

export function RemindButton({ surveyId, disabled, onReminded }: { surveyId: string; disabled: boolean; onReminded(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [hours, setHours] = useState<number | null>(DEFAULT_HOURS);
  const [isSending, setSending] = useState(false);

  async function remind() {
    setSending(true);
    try {
      const result = await remindInvitations(surveyId, { minHoursSinceSent: hours ?? DEFAULT_HOURS });
      const text = t("distribution.invitations.reminded", { reminded: result.reminded, failed: result.failed });
      void (result.failed > 0 ? message.warning(text) : message.success(text));
      onReminded();
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setSending(false);
    }
  }

  return (
    <Popconfirm
      icon={<BellOutlined />}
      title={t("distribution.invitations.remindTitle")}
      description={
        <Space orientation="vertical" size={4} className="kexin-remind-form">
          <Typography.Text>{t("distribution.invitations.remindHours")}</Typography.Text>
          <InputNumber
            min={0}
            max={24 * 365}
            value={hours}
            onChange={setHours}
            suffix={t("distribution.invitations.hours")}
            data-testid="invite-remind-hours"
          />
          <Typography.Text type="secondary">{t("distribution.invitations.remindHoursHint")}</Typography.Text>
        </Space>
      }
      okText={t("distribution.invitations.remindSubmit")}
      cancelText={t("common.cancel")}
      okButtonProps={{ "data-testid": "invite-remind-confirm" } as Record<string, string>}
      onConfirm={() => remind()}
      disabled={disabled}
    >
      <Button icon={<BellOutlined />} loading={isSending} disabled={disabled} data-testid="invite-remind">
        {t("distribution.invitations.remind")}
      </Button>
    </Popconfirm>
  );
}
