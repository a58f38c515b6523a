/** Home: my open and overdue follow-ups, the first few due, and the way to the tasks page. */
import { RightOutlined } from "@ant-design/icons";
import { Alert, Card, Empty, Skeleton, Statistic } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { listTasks } from "../api/tasks-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { dueState } from "./task-due.ts";
import "./tasks.css";

const SHOWN = 5;

export function FollowUpsCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const { data, error } = useApiData(() => listTasks({ mine: "true", status: "open", pageSize: SHOWN }), []);
  const now = useMemo(() => new Date(), [data]);

  return (
    <Card
      title={t("tasks.home.title")}
      extra={
        <Link to="/tasks?scope=mine&due=open" data-testid="home-followups-all">
          {t("tasks.home.viewAll")} <RightOutlined />
        </Link>
      }
      data-testid="home-followups"
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <div className="kexin-followups">
          <div className="kexin-followups-counts">
            <Link to="/tasks?scope=mine&due=open">
              <Statistic title={t("tasks.home.open")} value={data.openCount} valueRender={(value) => <span data-testid="home-followups-open">{value}</span>} />
            </Link>
            <Link to="/tasks?scope=mine&due=overdue" className={data.overdueCount > 0 ? "is-overdue" : undefined}>
              <Statistic
                title={t("tasks.home.overdue")}
                value={data.overdueCount}
                valueRender={(value) => <span data-testid="home-followups-overdue">{value}</span>}
              />
            </Link>
          </div>
          {data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("tasks.home.empty")} />
          ) : (
            <ul className="kexin-followups-list">
              {data.items.map((task) => {
                const due = dueState(task, now);
                return (
                  <li key={task.id}>
                    <span className="kexin-followups-task">
                      {task.customerId ? <Link to={`/customers/${task.customerId}`}>{task.customerName}</Link> : null}
                      {task.customerId ? " · " : ""}
                      {task.title}
                    </span>
                    <span className={`kexin-followups-due is-${due}`}>
                      {due === "overdue" ? `${t("tasks.overdue")} · ` : ""}
                      {formatDateTime(locale, task.dueAt)}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}
