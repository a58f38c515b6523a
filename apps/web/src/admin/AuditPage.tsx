/** The organisation's audit trail (administrators), newest first, filterable by action. */
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from "@kexin/contracts";
import { Alert, Select, Space, Table, Typography, type TableProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { listAudit } from "../api/admin-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";

export default function AuditPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [action, setAction] = useState<AuditAction>();
  // Entries written before an action was renamed keep their code; they show it alone.
  const actionName = (code: string) =>
    (AUDIT_ACTIONS as readonly string[]).includes(code) ? t(`audit.actions.${code as AuditAction}`) : undefined;
  const { data: list, error, isLoading } = useApiData(() => listAudit({ page, pageSize, action }), [page, pageSize, action]);

  const columns: TableProps<AuditEntry>["columns"] = [
    { key: "at", title: t("audit.at"), dataIndex: "at", width: 180, render: (at: string) => formatDateTime(locale, at) },
    { key: "actor", title: t("audit.actor"), dataIndex: "actorName", width: 140, render: (name: string | null) => name ?? "—" },
    {
      key: "action",
      title: t("audit.action"),
      dataIndex: "action",
      width: 240,
      render: (code: string) => (
        <Space orientation="vertical" size={0}>
          {actionName(code)}
          <Typography.Text code style={{ fontSize: 12 }}>
            {code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: "target",
      title: t("audit.target"),
      width: 200,
      render: (_value, entry) => (entry.targetType ? `${entry.targetType}${entry.targetId ? ` · ${entry.targetId.slice(0, 8)}` : ""}` : "—"),
    },
    {
      key: "details",
      title: t("audit.details"),
      dataIndex: "details",
      render: (details: AuditEntry["details"]) =>
        Object.keys(details).length === 0 ? "—" : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: JSON.stringify(details, null, 1) }}>
            {JSON.stringify(details)}
          </Typography.Text>
        ),
    },
    { key: "ip", title: t("audit.ip"), dataIndex: "ip", width: 120, render: (ip: string | null) => ip ?? "—" },
  ];

  return (
    <>
      <PageTitle
        title={t("audit.title")}
        extra={
          <Select<AuditAction>
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("audit.filterAction")}
            style={{ width: 320 }}
            value={action}
            options={AUDIT_ACTIONS.map((code) => ({ value: code, label: `${actionName(code)} · ${code}` }))}
            onChange={(value) => {
              setPage(1);
              setAction(value);
            }}
            data-testid="audit-action-filter"
          />
        }
      />
      {Boolean(error) && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={isLoading}
        columns={columns}
        dataSource={list?.items ?? []}
        tableLayout="fixed"
        pagination={{
          current: page,
          pageSize,
          total: list?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { count: total }),
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
    </>
  );
}
