/**
 * Tasks: closed-loop follow-ups and plan calls to work through, mine or all within reach (managers may pick one
 * person), due today, overdue, upcoming, all open or done. Recording an outcome closes the task and writes it on the
 * customer's timeline. Filters live in the address (?scope=all&due=overdue&person=<id>) so the home page can link
 * straight to a view.
 */
import { TaskKind, type Task } from "@kexin/contracts";
import { Alert, Empty, Pagination, Segmented, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { listUsers } from "../api/admin-api.ts";
import { listTasks, type TaskListQueryInput } from "../api/tasks-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { TaskItem } from "./TaskItem.tsx";
import "./tasks.css";

type Scope = "mine" | "all";
type DueView = "today" | "overdue" | "upcoming" | "open" | "done";
const SCOPES: Scope[] = ["mine", "all"];
const DUE_VIEWS: DueView[] = ["today", "overdue", "upcoming", "open", "done"];
const PAGE_SIZE = 20;

const VIEW_QUERIES: Record<DueView, Pick<TaskListQueryInput, "status" | "due">> = {
  today: { status: "open", due: "today" },
  overdue: { due: "overdue" },
  upcoming: { status: "open", due: "upcoming" },
  open: { status: "open" },
  done: { status: "done" },
};

function pick<T extends string>(value: string | null, options: readonly T[], fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}

export default function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const scope = pick(params.get("scope"), SCOPES, "mine");
  const view = pick(params.get("due"), DUE_VIEWS, "open");
  const page = Math.max(1, Number(params.get("page")) || 1);
  // Managers and store managers may look at one colleague's list; everyone else sees theirs or all within reach.
  const mayPickPerson = me.role !== "agent" && can(me.role, "user.read");
  const person = mayPickPerson && scope === "all" ? (params.get("person") ?? undefined) : undefined;
  // ?kind=follow_up (a link from elsewhere): only that kind of task.
  const kind = TaskKind.safeParse(params.get("kind")).data;
  const [reloads, setReloads] = useState(0);
  const { data, error, isLoading } = useApiData(
    () =>
      listTasks({
        ...VIEW_QUERIES[view],
        mine: scope === "mine" ? "true" : "false",
        ...(person && { assigneeId: person }),
        ...(kind && { kind }),
        page,
        pageSize: PAGE_SIZE,
      }),
    [scope, view, page, person, kind, reloads],
  );
  const { data: colleagues } = useApiData(
    () => (mayPickPerson && scope === "all" ? listUsers() : Promise.resolve(undefined)),
    [mayPickPerson, scope],
  );
  // One clock per load, so every row judges "today" alike.
  const now = useMemo(() => new Date(), [data]);
  const canWrite = can(me.role, "task.write");

  function navigate(change: { scope?: Scope; due?: DueView; page?: number; person?: string | null }) {
    const next = { scope, due: view, page: 1, person: person ?? null, ...change };
    setParams({
      scope: next.scope,
      due: next.due,
      ...(next.scope === "all" && next.person && { person: next.person }),
      ...(next.page > 1 && { page: String(next.page) }),
    });
  }

  function changed(task: Task) {
    // The closed task leaves an open view; step back a page when it was the last one on it.
    const isLeaving = view !== "done" && task.status !== "open";
    if (isLeaving && data?.items.length === 1 && page > 1) navigate({ page: page - 1 });
    else setReloads((count) => count + 1);
  }

  return (
    <>
      <PageTitle
        title={t("tasks.title")}
        extra={
          data && (
            <Space>
              <Tag color="blue" data-testid="tasks-open-count">{t("tasks.openCount", { count: data.openCount })}</Tag>
              <Tag color={data.overdueCount > 0 ? "red" : "default"} data-testid="tasks-overdue-count">
                {t("tasks.overdueCount", { count: data.overdueCount })}
              </Tag>
            </Space>
          )
        }
      />
      <div className="kexin-task-filters">
        <Segmented<Scope>
          value={scope}
          onChange={(next) => navigate({ scope: next })}
          options={SCOPES.map((value) => ({ value, label: t(`tasks.scope.${value}`) }))}
          data-testid="tasks-scope"
        />
        <Segmented<DueView>
          value={view}
          onChange={(next) => navigate({ due: next })}
          options={DUE_VIEWS.map((value) => ({ value, label: t(`tasks.due.${value}`) }))}
          data-testid="tasks-due"
        />
        {mayPickPerson && scope === "all" && (
          <Select
            className="kexin-task-person"
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("tasks.personAll")}
            aria-label={t("tasks.person")}
            value={person}
            loading={!colleagues}
            options={(colleagues ?? []).filter((user) => !user.isDisabled).map((user) => ({ value: user.id, label: user.name }))}
            onChange={(value?: string) => navigate({ person: value ?? null })}
            data-testid="tasks-person"
          />
        )}
        {canWrite && view !== "done" && <Typography.Text type="secondary">{t("tasks.outcomeHint")}</Typography.Text>}
      </div>
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : data.items.length === 0 ? (
        <Empty description={t(`tasks.empty.${view}`)} className="kexin-task-empty" />
      ) : (
        <div className={`kexin-task-list${isLoading ? " is-loading" : ""}`} data-testid="task-list">
          {data.items.map((task) => (
            <TaskItem key={task.id} task={task} canWrite={canWrite} showAssignee={scope === "all"} onChanged={changed} now={now} />
          ))}
        </div>
      )}
      {data && data.total > PAGE_SIZE && (
        <Pagination
          className="kexin-task-pagination"
          current={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          showSizeChanger={false}
          showTotal={(total) => t("common.total", { count: total })}
          onChange={(next) => navigate({ page: next })}
        />
      )}
    </>
  );
}
