/** Background jobs (administrators): what ran, what is waiting, what failed and why, with a retry for failures. */
import type { JobEntry } from "@kexin/contracts";
import { Alert, App, Button, Segmented, Table, Tag, Typography, type TableProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { listJobs, retryJob } from "../api/admin-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";

type StatusFilter = JobEntry["status"] | "all";
const STATUS_COLORS: Record<JobEntry["status"], string> = { queued: "default", running: "processing", done: "success", failed: "error" };

export default function JobsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [status, setStatus] = useState<StatusFilter>("all");
  const [page, setPage] = useState(1);
  const [reload, setReload] = useState(0);
  const { data: list, error, isLoading } = useApiData(
    () => listJobs({ page, pageSize: 50, ...(status !== "all" && { status }) }),
    [page, status, reload],
  );

  const retry = async (job: JobEntry) => {
    try {
      await retryJob(job.id);
      void message.success(t("jobs.retried"));
      setReload((n) => n + 1);
    } catch (retryError) {
      void message.error(errorText(retryError));
    }
  };

  const columns: TableProps<JobEntry>["columns"] = [
    { key: "kind", title: t("jobs.kind"), dataIndex: "kind", width: 180, render: (kind: string) => <Typography.Text code>{kind}</Typography.Text> },
    { key: "key", title: t("jobs.key"), dataIndex: "key", width: 160 },
    {
      key: "status",
      title: t("jobs.status"),
      dataIndex: "status",
      width: 110,
      render: (value: JobEntry["status"]) => <Tag color={STATUS_COLORS[value]}>{t(`jobs.statuses.${value}`)}</Tag>,
    },
    { key: "runAt", title: t("jobs.runAt"), dataIndex: "runAt", width: 170, render: (at: string) => formatDateTime(locale, at) },
    { key: "attempts", title: t("jobs.attempts"), width: 100, render: (_value, job) => `${job.attempts} / ${job.maxAttempts}` },
    {
      key: "finishedAt",
      title: t("jobs.finishedAt"),
      dataIndex: "finishedAt",
      width: 170,
      render: (at: string | null) => (at ? formatDateTime(locale, at) : "—"),
    },
    {
      key: "result",
      title: t("jobs.result"),
      render: (_value, job) =>
        job.status === "failed" || job.lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: job.lastError }}>
            {job.lastError}
          </Typography.Text>
        ) : job.result ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: JSON.stringify(job.result, null, 1) }}>
            {JSON.stringify(job.result)}
          </Typography.Text>
        ) : (
          "—"
        ),
    },
    {
      key: "actions",
      width: 90,
      render: (_value, job) =>
        job.status === "failed" && (
          <Button size="small" data-testid={`retry-job-${job.id}`} onClick={() => void retry(job)}>
            {t("jobs.retry")}
          </Button>
        ),
    },
  ];

  const counts = list?.counts;
  const options = (["all", "queued", "running", "done", "failed"] as const).map((value) => ({
    value,
    label:
      value === "all" || !counts ? t(`jobs.statuses.${value}`) : `${t(`jobs.statuses.${value}`)} ${counts[value]}`,
  }));

  return (
    <>
      <PageTitle
        title={t("jobs.title")}
        extra={
          <Segmented<StatusFilter>
            options={options}
            value={status}
            onChange={(value) => {
              setPage(1);
              setStatus(value);
            }}
          />
        }
      />
      {Boolean(error) && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<JobEntry>
        rowKey="id"
        size="small"
        loading={isLoading}
        columns={columns}
        dataSource={list?.items ?? []}
        tableLayout="fixed"
        pagination={{ current: page, pageSize: 50, total: list?.total ?? 0, showSizeChanger: false, onChange: setPage }}
      />
    </>
  );
}
