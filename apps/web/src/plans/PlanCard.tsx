/**
 * One tier's plan: its actions edited in place, switched on or off, saved as a whole. Saving regenerates the tasks
 * on the server and says how many were created and dismissed.
 */
import { PlusOutlined, SaveOutlined } from "@ant-design/icons";
import type { Plan, PlanSaved } from "@kexin/contracts";
import { App, Button, Card, Empty, Space, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { normaliseDraft, PlanActionEditor, type ActionDraft } from "./PlanActionEditor.tsx";
import { savePlan } from "./plans-api.ts";

const TIER_COLORS: Record<Plan["tier"], string> = { vip: "gold", important: "red", quality: "blue", ordinary: "default" };

let localKeys = 0;
const toDrafts = (plan: Plan): ActionDraft[] => plan.actions.map((action) => ({ ...action, key: action.id }));

export function PlanCard({ plan, isReadOnly, onSaved }: { plan: Plan; isReadOnly: boolean; onSaved(saved: PlanSaved): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [drafts, setDrafts] = useState<ActionDraft[]>(() => toDrafts(plan));
  const [isActive, setActive] = useState(plan.isActive);
  const [isDirty, setDirty] = useState(false);
  const [isSaving, setSaving] = useState(false);

  function edit(next: ActionDraft[], active = isActive) {
    setDrafts(next);
    setActive(active);
    setDirty(true);
  }

  function add() {
    const draft = normaliseDraft({
      key: `new-${localKeys++}`,
      kind: "call",
      cadence: "weekly",
      weekdays: [],
      monthDay: null,
      holidays: [],
      topic: "",
      assignTo: "account_manager",
      recordsServiceFigures: false,
    });
    edit([...drafts, draft]);
  }

  async function save() {
    setSaving(true);
    try {
      const saved = await savePlan(plan.tier, {
        isActive,
        actions: drafts.map(({ key: _key, ...action }) => action),
      });
      setDrafts(toDrafts(saved.plan));
      setActive(saved.plan.isActive);
      setDirty(false);
      void message.success(t("plans.saved", { created: saved.generation.created, dismissed: saved.generation.dismissed }));
      onSaved(saved);
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card
      className="kexin-plan-card"
      data-testid={`plan-${plan.tier}`}
      title={
        <Space size={8}>
          <Tag color={TIER_COLORS[plan.tier]}>{t(`plans.tiers.${plan.tier}`)}</Tag>
          <Typography.Text type="secondary" className="kexin-plan-counts">
            {t("plans.customers", { count: plan.customerCount })} · {t("plans.openTasks", { count: plan.openTaskCount })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space size={6}>
          <Typography.Text type="secondary">{t("plans.active")}</Typography.Text>
          <Switch
            size="small"
            checked={isActive}
            disabled={isReadOnly}
            onChange={(checked) => edit(drafts, checked)}
            data-testid={`plan-${plan.tier}-active`}
          />
        </Space>
      }
    >
      <div className={`kexin-plan-actions${isActive ? "" : " is-inactive"}`}>
        {drafts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("plans.noActions")} />
        ) : (
          drafts.map((draft, index) => (
            <PlanActionEditor
              key={draft.key}
              draft={draft}
              index={index}
              isReadOnly={isReadOnly}
              onChange={(next) => edit(drafts.map((item) => (item.key === draft.key ? next : item)))}
              onRemove={() => edit(drafts.filter((item) => item.key !== draft.key))}
            />
          ))
        )}
      </div>
      <div className="kexin-plan-footer">
        <Typography.Text type="secondary">
          {isDirty ? t("plans.unsaved") : plan.updatedByName ? t("plans.updated", { name: plan.updatedByName, when: formatDateTime(locale, plan.updatedAt) }) : ""}
        </Typography.Text>
        {!isReadOnly && (
          <Space>
            <Button icon={<PlusOutlined />} onClick={add} disabled={drafts.length >= 20} data-testid={`plan-${plan.tier}-add`}>
              {t("plans.addAction")}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={!isDirty}
              loading={isSaving}
              onClick={() => void save()}
              data-testid={`plan-${plan.tier}-save`}
            >
              {t("plans.save")}
            </Button>
          </Space>
        )}
      </div>
    </Card>
  );
}
