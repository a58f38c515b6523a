/**
 * The tier rule editor: ordered rules, each a tier and conditions over the value figures. Saving needs a preview of
 * exactly the draft on screen first, so nobody moves customers without having seen how many.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EyeOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import {
  CUSTOMER_TIERS,
  RFM_SEGMENTS,
  TIER_NUMBER_METRICS,
  type TierCondition,
  type TierPreview,
  type TierRule,
  type TierRulesView,
} from "@kexin/contracts";
import { Alert, App, Button, Card, InputNumber, Select, Space, Tooltip, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { TierPreviewMatrix } from "./TierPreviewMatrix.tsx";
import { previewTierRules, saveTierRules } from "./value-api.ts";

type Metric = TierCondition["metric"];
const METRICS: Metric[] = [...TIER_NUMBER_METRICS, "rfmSegment"];

function newCondition(metric: Metric): TierCondition {
  if (metric === "rfmSegment") return { metric, op: "in", values: ["Champions"] };
  const isTop = metric === "clvTopPercent" || metric === "profitTopPercent";
  return { metric, op: isTop || metric === "recencyDays" ? "lte" : "gte", value: isTop ? 20 : metric === "pAlive" ? 0.5 : 0 };
}

function ConditionRow({ condition, onChange, onRemove, testId }: { condition: TierCondition; onChange: (next: TierCondition) => void; onRemove: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid={testId}>
      <Select<Metric>
        value={condition.metric}
        style={{ width: 220 }}
        onChange={(metric) => onChange(newCondition(metric))}
        options={METRICS.map((metric) => ({ value: metric, label: t(`value.metrics.${metric}`) }))}
        data-testid={`${testId}-metric`}
      />
      {condition.metric === "rfmSegment" ? (
        <>
          <Typography.Text>{t("value.ops.in")}</Typography.Text>
          <Select
            mode="multiple"
            value={condition.values}
            style={{ minWidth: 260 }}
            placeholder={t("value.rules.segmentsPlaceholder")}
            onChange={(values) => onChange({ ...condition, values })}
            options={RFM_SEGMENTS.map((segment) => ({ value: segment, label: t(`value.segments.${segment}`) }))}
            data-testid={`${testId}-segments`}
          />
        </>
      ) : (
        <>
          <Select
            value={condition.op}
            style={{ width: 64 }}
            onChange={(op) => onChange({ ...condition, op })}
            options={(["gte", "lte"] as const).map((op) => ({ value: op, label: t(`value.ops.${op}`) }))}
            data-testid={`${testId}-op`}
          />
          <InputNumber
            value={condition.value}
            aria-label={t("value.rules.value")}
            step={condition.metric === "pAlive" ? 0.05 : 1}
            onChange={(value) => onChange({ ...condition, value: value ?? 0 })}
            data-testid={`${testId}-value`}
          />
        </>
      )}
      <Button type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t("value.rules.removeCondition")} />
    </Space>
  );
}

export function TierRuleEditor({ saved, canWrite, onSaved }: { saved: TierRulesView; canWrite: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [rules, setRules] = useState<TierRule[]>(saved.rules);
  const [preview, setPreview] = useState<{ result: TierPreview; draft: string }>();
  const [isBusy, setBusy] = useState(false);
  useEffect(() => setRules(saved.rules), [saved]);

  const draft = JSON.stringify(rules);
  const isPreviewCurrent = preview?.draft === draft;
  const update = (index: number, change: (rule: TierRule) => TierRule) => setRules((all) => all.map((rule, i) => (i === index ? change(rule) : rule)));
  const move = (index: number, by: number) =>
    setRules((all) => {
      const next = [...all];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  async function runPreview() {
    setBusy(true);
    try {
      setPreview({ result: await previewTierRules({ rules }), draft });
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setBusy(false);
    }
  }
  async function save() {
    setBusy(true);
    try {
      const result = await saveTierRules({ rules });
      void message.success(t("value.rules.saved", { count: result.changed }));
      setPreview(undefined);
      onSaved();
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="tier-rule-editor">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t("value.rules.intro")}{" "}
        {saved.isDefault
          ? t("value.rules.isDefault")
          : t("value.rules.updated", { at: formatDateTime(locale, saved.updatedAt), name: saved.updatedByName ?? "—" })}
      </Typography.Paragraph>
      {rules.map((rule, index) => (
        <Card
          key={index}
          size="small"
          data-testid={`tier-rule-${index}`}
          title={
            <Space>
              <span>{t("value.rules.rule", { number: index + 1 })}</span>
              <Select
                value={rule.tier}
                style={{ width: 130 }}
                disabled={!canWrite}
                onChange={(tier) => update(index, (r) => ({ ...r, tier }))}
                options={CUSTOMER_TIERS.map((tier) => ({ value: tier, label: t(`value.tiers.${tier}`) }))}
                data-testid={`tier-rule-${index}-tier`}
              />
            </Space>
          }
          extra={
            canWrite && (
              <Space size={0}>
                <Tooltip title={t("value.rules.moveUp")}>
                  <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} />
                </Tooltip>
                <Tooltip title={t("value.rules.moveDown")}>
                  <Button type="text" icon={<ArrowDownOutlined />} disabled={index === rules.length - 1} onClick={() => move(index, 1)} />
                </Tooltip>
                <Tooltip title={t("value.rules.removeRule")}>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => setRules((all) => all.filter((_, i) => i !== index))} />
                </Tooltip>
              </Space>
            )
          }
        >
          <Space orientation="vertical" style={{ width: "100%" }}>
            {rule.conditions.length === 0 && <Typography.Text type="secondary">{t("value.rules.noConditions")}</Typography.Text>}
            {rule.conditions.map((condition, conditionIndex) => (
              <ConditionRow
                key={conditionIndex}
                testId={`tier-rule-${index}-condition-${conditionIndex}`}
                condition={condition}
                onChange={(next) => update(index, (r) => ({ ...r, conditions: r.conditions.map((c, i) => (i === conditionIndex ? next : c)) }))}
                onRemove={() => update(index, (r) => ({ ...r, conditions: r.conditions.filter((_, i) => i !== conditionIndex) }))}
              />
            ))}
            {canWrite && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => update(index, (r) => ({ ...r, conditions: [...r.conditions, newCondition("clv")] }))}
                data-testid={`tier-rule-${index}-add-condition`}
              >
                {t("value.rules.addCondition")}
              </Button>
            )}
          </Space>
        </Card>
      ))}
      {canWrite && (
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => setRules((all) => [...all, { tier: "ordinary", conditions: [] }])} data-testid="tier-rule-add">
            {t("value.rules.addRule")}
          </Button>
          <Button icon={<EyeOutlined />} loading={isBusy} onClick={() => void runPreview()} data-testid="tier-rules-preview">
            {t("value.rules.preview")}
          </Button>
          <Tooltip title={isPreviewCurrent ? undefined : t("value.rules.previewFirst")}>
            <Button type="primary" icon={<SaveOutlined />} loading={isBusy} disabled={!isPreviewCurrent} onClick={() => void save()} data-testid="tier-rules-save">
              {t("value.rules.save")}
            </Button>
          </Tooltip>
          <Button onClick={() => { setRules(saved.rules); setPreview(undefined); }}>{t("value.rules.reset")}</Button>
        </Space>
      )}
      {preview && !isPreviewCurrent && <Alert type="info" showIcon title={t("value.rules.previewFirst")} />}
      {preview && isPreviewCurrent && <TierPreviewMatrix preview={preview.result} />}
    </Space>
  );
}
