/** One task as a row to work through: what, for whom, when, where it came from, who has it, and its actions. */
import { BarChartOutlined, ClockCircleOutlined, UserOutlined } from "@ant-design/icons";
import type { Task } from "@kexin/contracts";
import { Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { dueState } from "./task-due.ts";
import { TaskOutcomeActions } from "./TaskOutcomeActions.tsx";

const OUTCOME_COLORS: Record<NonNullable<Task["outcome"]>, string> = {
  reached: "blue",
  not_reached: "default",
  issue_found: "orange",
  resolved: "green",
};

const formatPercent = (value: number | null) => (value === null ? "—" : `${value}%`);

function TaskSource({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (!task.sourceType) return null;
  if (task.sourceType === "survey_response" && task.surveyId) {
    return (
      <Link to={`/surveys/${task.surveyId}/report`} data-testid={`task-source-${task.id}`}>
        <BarChartOutlined /> {t("tasks.source.survey_response")} · {t("tasks.source.report")}
      </Link>
    );
  }
  if (task.sourceType === "feedback") return <Link to="/feedback">{t("tasks.source.feedback")}</Link>;
  if (task.sourceType === "plan" && task.planTier) {
    return (
      <Link to="/plans" data-testid={`task-plan-${task.id}`}>
        {t("tasks.planTier", { tier: t(`tasks.tiers.${task.planTier}`) })}
      </Link>
    );
  }
  return <span>{t(`tasks.source.${task.sourceType}`)}</span>;
}

export function TaskItem({ task, canWrite, showAssignee, onChanged, now }: {
  task: Task;
  canWrite: boolean;
  /** Off in "my tasks", where every task is the reader's own. */
  showAssignee: boolean;
  onChanged(task: Task): void;
  now: Date;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const due = dueState(task, now);
  const meta: ReactNode[] = [
    task.customerId ? (
      <Link key="customer" to={`/customers/${task.customerId}`} data-testid={`task-customer-${task.id}`}>
        <UserOutlined /> {task.customerName ?? t("common.none")}
      </Link>
    ) : (
      <Typography.Text key="customer" type="secondary">{t("tasks.noCustomer")}</Typography.Text>
    ),
    task.status === "open" ? (
      <span key="due" className={`kexin-task-due is-${due}`} data-testid={`task-due-${task.id}`}>
        <ClockCircleOutlined /> {t("tasks.dueAt", { when: formatDateTime(locale, task.dueAt) })}
        {due === "overdue" && <Tag color="red">{t("tasks.overdue")}</Tag>}
        {due === "today" && <Tag color="orange">{t("tasks.dueToday")}</Tag>}
      </span>
    ) : (
      <span key="closed">{t("tasks.closedAt", { when: formatDateTime(locale, task.closedAt) })}</span>
    ),
    <TaskSource key="source" task={task} />,
    showAssignee && (
      <span key="assignee">{task.assigneeName ? t("tasks.assignee", { name: task.assigneeName }) : t("tasks.unassigned")}</span>
    ),
  ];

  return (
    <div className={`kexin-task${due === "overdue" ? " is-overdue" : ""}`} data-testid={`task-row-${task.id}`}>
      <div className="kexin-task-body">
        <div className="kexin-task-title">
          <Tag>{t(`tasks.kinds.${task.kind}`)}</Tag>
          <Typography.Text strong>{task.title}</Typography.Text>
          {task.outcome && <Tag color={OUTCOME_COLORS[task.outcome]}>{t(`tasks.outcomes.${task.outcome}`)}</Tag>}
          {task.status === "dismissed" && <Tag>{t("tasks.dismissed")}</Tag>}
        </div>
        {task.serviceFigures && (
          <Typography.Text type="secondary" data-testid={`task-figures-${task.id}`}>
            {t("tasks.figures.recorded", {
              onTime: formatPercent(task.serviceFigures.onTimeDeliveryRate),
              inspection: formatPercent(task.serviceFigures.inspectionPassRate),
            })}
          </Typography.Text>
        )}
        {task.detail && (
          <Typography.Paragraph type="secondary" className="kexin-task-detail" ellipsis={{ rows: 2, expandable: true }}>
            {task.detail}
          </Typography.Paragraph>
        )}
        {task.outcomeNote && <Typography.Paragraph className="kexin-task-note">{task.outcomeNote}</Typography.Paragraph>}
        <div className="kexin-task-meta">{meta}</div>
      </div>
      {canWrite && (
        <div className="kexin-task-side">
          <TaskOutcomeActions task={task} onChanged={onChanged} />
        </div>
      )}
    </div>
  );
}
