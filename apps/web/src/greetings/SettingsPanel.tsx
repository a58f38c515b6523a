/** Quiet hours and the time zone greetings are timed in. */
import type { GreetingSettings } from "@kexin/contracts";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { updateGreetingSettings } from "./greetings-api.ts";

export function SettingsPanel({ settings, canWrite, onSaved }: { settings: GreetingSettings; canWrite: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [draft, setDraft] = useState(settings);
  const [error, setError] = useState<Error>();
  const [isSaving, setSaving] = useState(false);
  useEffect(() => setDraft(settings), [settings]);

  async function save() {
    setSaving(true);
    setError(undefined);
    try {
      await updateGreetingSettings(draft);
      message.success(t("greetings.settings.saved"));
      onSaved();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setSaving(false);
    }
  }
  const fieldError = (field: string) =>
    error instanceof ApiError && error.field === field ? { validateStatus: "error" as const, help: error.message } : {};

  return (
    <Card size="small" style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t("greetings.settings.help")}</Typography.Paragraph>
      <Form layout="vertical" disabled={!canWrite}>
        <Form.Item label={t("greetings.settings.timeZone")} {...fieldError("timeZone")}>
          <Input value={draft.timeZone} onChange={(event) => setDraft({ ...draft, timeZone: event.target.value })} />
        </Form.Item>
        <Form.Item label={t("greetings.settings.quietStart")}>
          <Input type="time" value={draft.quietStart} onChange={(event) => setDraft({ ...draft, quietStart: event.target.value })} data-testid="quiet-start" />
        </Form.Item>
        <Form.Item label={t("greetings.settings.quietEnd")}>
          <Input type="time" value={draft.quietEnd} onChange={(event) => setDraft({ ...draft, quietEnd: event.target.value })} data-testid="quiet-end" />
        </Form.Item>
        {error && !(error instanceof ApiError && error.field) && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        {canWrite && (
          <Button type="primary" loading={isSaving} onClick={() => void save()}>
            {t("greetings.settings.save")}
          </Button>
        )}
      </Form>
    </Card>
  );
}
