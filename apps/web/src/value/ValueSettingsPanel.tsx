/** Value settings: unit costs of serving per interaction kind (cost-to-serve) and the churn thresholds. */
import type { ValueSettings } from "@kexin/contracts";
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useApiData } from "../api/useApiData.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { getValueSettings, saveValueSettings } from "./value-api.ts";

const KINDS = ["call", "visit", "email", "sms", "wechat", "note", "other"] as const;
type FormValues = Omit<ValueSettings, "interactionCosts"> & { costs: Partial<Record<(typeof KINDS)[number], number | null>> };

export function ValueSettingsPanel({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { data, error } = useApiData(getValueSettings, []);
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!data) return <Skeleton active />;

  async function save({ costs, ...thresholds }: FormValues) {
    const interactionCosts: Record<string, number> = {};
    for (const kind of KINDS) {
      const cost = costs?.[kind];
      if (cost !== null && cost !== undefined) interactionCosts[kind] = cost;
    }
    try {
      await saveValueSettings({ ...thresholds, interactionCosts });
      void message.success(t("value.settings.saved"));
    } catch (caught) {
      void message.error(errorText(caught));
    }
  }

  return (
    <Form<FormValues>
      layout="vertical"
      disabled={!canWrite}
      initialValues={{ ...data, costs: data.interactionCosts }}
      onFinish={(values) => void save(values)}
      style={{ maxWidth: 720 }}
    >
      <Card size="small" title={t("value.settings.costs")} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t("value.settings.intro")}</Typography.Paragraph>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12 }}>
          {KINDS.map((kind) => (
            <Form.Item key={kind} name={["costs", kind]} label={t(`value.settings.kinds.${kind}`)} style={{ width: 120, marginBottom: 0 }}>
              <InputNumber min={0} step={1} style={{ width: "100%" }} />
            </Form.Item>
          ))}
        </div>
      </Card>
      <Card size="small" title={t("value.settings.churn")} style={{ marginBottom: 16 }}>
        {(["atRiskIntervalMultiple", "lostIntervalMultiple", "atRiskAliveBelow", "lostAliveBelow"] as const).map((name) => (
          <Form.Item key={name} name={name} label={t(`value.settings.${name}`)} rules={[{ required: true }]}>
            <InputNumber min={name.endsWith("Below") ? 0 : 1} max={name.endsWith("Below") ? 1 : 50} step={name.endsWith("Below") ? 0.05 : 0.5} />
          </Form.Item>
        ))}
      </Card>
      {canWrite && (
        <Button type="primary" htmlType="submit">
          {t("value.settings.save")}
        </Button>
      )}
    </Form>
  );
}
