/**
 * Closing a task in one click: an optional note, then the outcome (reached, not reached, issue found, resolved),
 * which marks it done and writes it on the customer's timeline; or dismiss it. A closed task can be reopened.
 * A plan call to a company customer also takes its service figures (on-time delivery, inspection pass rate), sent
 * with any outcome but "not reached".
 */
import { CheckCircleOutlined, CloseOutlined, ExclamationCircleOutlined, PhoneOutlined, StopOutlined, UndoOutlined } from "@ant-design/icons";
import type { Task } from "@kexin/contracts";
import { App, Button, Input, InputNumber, Popconfirm, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { updateTask } from "../api/tasks-api.ts";
import { useErrorText } from "../layout/useErrorText.ts";

type Outcome = NonNullable<Task["outcome"]>;

const OUTCOMES: { outcome: Outcome; icon: ReactNode; isPrimary?: boolean; isDanger?: boolean }[] = [
  { outcome: "reached", icon: <PhoneOutlined /> },
  { outcome: "not_reached", icon: <StopOutlined /> },
  { outcome: "issue_found", icon: <ExclamationCircleOutlined />, isDanger: true },
  { outcome: "resolved", icon: <CheckCircleOutlined />, isPrimary: true },
];

export function TaskOutcomeActions({ task, onChanged, size = "middle" }: {
  task: Task;
  onChanged(task: Task): void;
  size?: "small" | "middle";
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [note, setNote] = useState("");
  const [onTime, setOnTime] = useState<number | null>(null);
  const [inspection, setInspection] = useState<number | null>(null);
  const [busy, setBusy] = useState<string>();
  const takesFigures = task.customerKind === "company" && task.recordsServiceFigures;

  async function change(key: string, update: Parameters<typeof updateTask>[1], done: string) {
    setBusy(key);
    try {
      const updated = await updateTask(task.id, update);
      void message.success(done);
      setNote("");
      setOnTime(null);
      setInspection(null);
      onChanged(updated);
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setBusy(undefined);
    }
  }

  if (task.status !== "open") {
    return (
      <Button
        size={size}
        icon={<UndoOutlined />}
        loading={busy === "reopen"}
        onClick={() => void change("reopen", { status: "open" }, t("tasks.reopened"))}
        data-testid={`task-reopen-${task.id}`}
      >
        {t("tasks.reopen")}
      </Button>
    );
  }

  const trimmedNote = note.trim();
  const figures = (outcome: Outcome) =>
    takesFigures && outcome !== "not_reached" && (onTime !== null || inspection !== null)
      ? { serviceFigures: { onTimeDeliveryRate: onTime, inspectionPassRate: inspection } }
      : {};
  return (
    <div className="kexin-task-actions">
      <Input
        size={size}
        value={note}
        maxLength={2000}
        onChange={(event) => setNote(event.target.value)}
        placeholder={t("tasks.notePlaceholder")}
        aria-label={t("tasks.notePlaceholder")}
        data-testid={`task-note-${task.id}`}
      />
      {takesFigures && (
        <div className="kexin-task-figures">
          <Typography.Text type="secondary">{t("tasks.figures.hint")}</Typography.Text>
          <Space size={12} wrap>
            <label className="kexin-task-figure">
              <span>{t("tasks.figures.onTime")}</span>
              <InputNumber<number>
                size={size}
                min={0}
                max={100}
                step={0.1}
                value={onTime}
                onChange={(value) => setOnTime(value)}
                suffix="%"
                style={{ width: 100 }}
                data-testid={`task-figure-ontime-${task.id}`}
              />
            </label>
            <label className="kexin-task-figure">
              <span>{t("tasks.figures.inspection")}</span>
              <InputNumber<number>
                size={size}
                min={0}
                max={100}
                step={0.1}
                value={inspection}
                onChange={(value) => setInspection(value)}
                suffix="%"
                style={{ width: 100 }}
                data-testid={`task-figure-inspection-${task.id}`}
              />
            </label>
          </Space>
        </div>
      )}
      <Space size={6} wrap>
        {OUTCOMES.map(({ outcome, icon, isPrimary, isDanger }) => (
          <Button
            key={outcome}
            size={size}
            icon={icon}
            type={isPrimary ? "primary" : "default"}
            danger={isDanger}
            disabled={busy !== undefined && busy !== outcome}
            loading={busy === outcome}
            onClick={() =>
              void change(
                outcome,
                { status: "done", outcome, outcomeNote: trimmedNote || undefined, ...figures(outcome) },
                t("tasks.recorded", { outcome: t(`tasks.outcomes.${outcome}`) }),
              )
            }
            data-testid={`task-outcome-${task.id}-${outcome}`}
          >
            {t(`tasks.outcomes.${outcome}`)}
          </Button>
        ))}
        <Popconfirm
          title={t("tasks.dismissConfirm")}
          okText={t("common.confirm")}
          cancelText={t("common.cancel")}
          onConfirm={() => change("dismiss", { status: "dismissed" }, t("tasks.dismissed"))}
        >
          <Button
            size={size}
            type="text"
            icon={<CloseOutlined />}
            disabled={busy !== undefined && busy !== "dismiss"}
            loading={busy === "dismiss"}
            data-testid={`task-dismiss-${task.id}`}
          >
            {t("tasks.dismiss")}
          </Button>
        </Popconfirm>
      </Space>
    </div>
  );
}
