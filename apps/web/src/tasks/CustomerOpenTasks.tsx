/**
 * The customer page's open tasks for that customer, with the same one-click outcomes as the tasks page; closing one
 * refreshes the timeline, where the outcome is written. Shows nothing when the customer has no open task.
 */
import type { Task } from "@kexin/contracts";
import { Card, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { listTasks } from "../api/tasks-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { dueState } from "./task-due.ts";
import { TaskOutcomeActions } from "./TaskOutcomeActions.tsx";
import "./tasks.css";

const SHOWN = 10;

export function CustomerOpenTasks({ customerId, onChanged }: { customerId: string; onChanged(task: Task): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const mayRead = can(me.role, "task.read");
  const [reloads, setReloads] = useState(0);
  const { data } = useApiData(
    () => (mayRead ? listTasks({ customerId, status: "open", pageSize: SHOWN }) : Promise.resolve(undefined)),
    [customerId, mayRead, reloads],
  );
  const now = useMemo(() => new Date(), [data]);
  if (!data || data.items.length === 0) return null;

  return (
    <Card
      size="small"
      title={t("tasks.customer.title", { count: data.total })}
      extra={<Link to="/tasks?scope=all&due=open">{t("tasks.customer.viewAll")}</Link>}
      data-testid="customer-open-tasks"
    >
      {data.items.map((task) => {
        const due = dueState(task, now);
        return (
          <div key={task.id} className="kexin-customer-task" data-testid={`customer-task-${task.id}`}>
            <Typography.Text strong>{task.title}</Typography.Text>
            <div className="kexin-task-meta">
              <span className={`kexin-task-due is-${due}`}>
                {t("tasks.dueAt", { when: formatDateTime(locale, task.dueAt) })}
                {due === "overdue" && <Tag color="red">{t("tasks.overdue")}</Tag>}
              </span>
              <span>{task.assigneeName ? t("tasks.assignee", { name: task.assigneeName }) : t("tasks.unassigned")}</span>
            </div>
            {can(me.role, "task.write") && (
              <TaskOutcomeActions
                task={task}
                size="small"
                onChanged={(changed) => {
                  setReloads((count) => count + 1);
                  onChanged(changed);
                }}
              />
            )}
          </div>
        );
      })}
    </Card>
  );
}
