/** The tickets: filters, newest first, SLA countdown or breach badges, escalation level; a row opens the ticket. */
import { PlusOutlined } from "@ant-design/icons";
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, type ComplaintListItem, type ComplaintListQuery, type Store, type User } from "@kexin/contracts";
import { Alert, Button, Checkbox, Select, Space, Table, Tag, Typography, type TableProps } from "antd";
import { useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { SearchBox } from "../layout/SearchBox.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { ComplaintFormModal } from "./ComplaintFormModal.tsx";
import { listComplaints } from "./complaints-api.ts";
import { ComplaintStatusTag, SeverityTag, SlaBadge } from "./SlaBadge.tsx";

/** The list query as the page keeps it: page and size always known. */
type ListState = Omit<ComplaintListQuery, "page" | "pageSize"> & { page: number; pageSize: number };

export function ComplaintList({ stores, users }: { stores: Store[]; users: User[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [query, setQuery] = useState<ListState>({ status: "active", page: 1, pageSize: 20 });
  const [isAdding, setAdding] = useState(false);
  const update = (change: Partial<ListState>) => setQuery((current) => ({ ...current, page: 1, ...change }));
  const { data, error, isLoading } = useApiData(() => listComplaints(query), [query]);

  const columns: TableProps<ComplaintListItem>["columns"] = [
    {
      key: "number",
      title: t("complaints.columns.number"),
      dataIndex: "number",
      width: 150,
      render: (number: string, item) => (
        <Link to={`/complaints/${item.id}`} onClick={(event) => event.stopPropagation()} data-testid={`complaint-link-${number}`}>
          {number}
        </Link>
      ),
    },
    {
      key: "subject",
      title: t("complaints.columns.subject"),
      dataIndex: "subject",
      render: (subject: string, item) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text ellipsis={{ tooltip: subject }} style={{ maxWidth: 280 }}>{subject}</Typography.Text>
          <Space size={4} wrap>
            <Tag>{t(`complaints.categories.${item.category}`)}</Tag>
            {item.escalationLevel > 0 && <Tag color="magenta">{t("complaints.escalatedLevel", { level: item.escalationLevel })}</Tag>}
          </Space>
        </Space>
      ),
    },
    { key: "severity", title: t("complaints.columns.severity"), dataIndex: "severity", width: 90, render: (severity: ComplaintListItem["severity"]) => <SeverityTag severity={severity} /> },
    { key: "status", title: t("complaints.columns.status"), dataIndex: "status", width: 96, render: (status: ComplaintListItem["status"]) => <ComplaintStatusTag status={status} /> },
    { key: "firstResponse", title: t("complaints.columns.firstResponse"), width: 140, render: (_value, item) => <SlaBadge timer={item.firstResponse} testId={`first-response-${item.number}`} /> },
    { key: "resolution", title: t("complaints.columns.resolution"), width: 140, render: (_value, item) => <SlaBadge timer={item.resolution} testId={`resolution-${item.number}`} /> },
    { key: "store", title: t("complaints.columns.store"), dataIndex: "storeName", width: 120, render: (name: string | null) => name ?? <Typography.Text type="secondary">{t("complaints.noStore")}</Typography.Text> },
    {
      key: "customer",
      title: t("complaints.columns.customer"),
      width: 120,
      render: (_value, item) => item.customerName ?? <Typography.Text type="secondary">{item.contactName ?? t("complaints.anonymous")}</Typography.Text>,
    },
    { key: "assignee", title: t("complaints.columns.assignee"), dataIndex: "assigneeName", width: 100, render: (name: string | null) => name ?? <Typography.Text type="secondary">{t("complaints.unassigned")}</Typography.Text> },
    { key: "createdAt", title: t("complaints.columns.createdAt"), dataIndex: "createdAt", width: 160, render: (at: string) => formatDateTime(locale, at) },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16, justifyContent: "space-between", width: "100%" }}>
        <Space wrap>
          <SearchBox value={query.q} onSearch={(q) => update({ q })} placeholder={t("complaints.search")} width={240} testId="complaints-search" />
          <Select
            style={{ width: 120 }}
            value={query.status}
            allowClear
            placeholder={t("complaints.filters.status")}
            onChange={(status) => update({ status })}
            options={(["active", "open", "in_progress", "resolved", "closed"] as const).map((value) => ({ value, label: t(`complaints.statuses.${value}`) }))}
            data-testid="complaints-status-filter"
          />
          <Select style={{ width: 110 }} allowClear placeholder={t("complaints.filters.severity")} onChange={(severity) => update({ severity })}
            options={COMPLAINT_SEVERITIES.map((value) => ({ value, label: t(`complaints.severities.${value}`) }))} />
          <Select style={{ width: 140 }} allowClear placeholder={t("complaints.filters.category")} onChange={(category) => update({ category })}
            options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: t(`complaints.categories.${value}`) }))} />
          {stores.length > 1 && (
            <Select style={{ width: 140 }} allowClear placeholder={t("complaints.filters.store")} onChange={(storeId) => update({ storeId })}
              options={stores.map((store) => ({ value: store.id, label: store.name }))} />
          )}
          <Checkbox onChange={(event) => update({ isBreached: event.target.checked ? "true" : undefined })} data-testid="complaints-breached-filter">
            {t("complaints.filters.onlyBreached")}
          </Checkbox>
        </Space>
        {can(me.role, "complaint.write") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="complaint-add">
            {t("complaints.add")}
          </Button>
        )}
      </Space>
      {Boolean(error) && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<ComplaintListItem>
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1300 }}
        data-testid="complaints-table"
        onRow={(item) => ({ style: { cursor: "pointer" }, onClick: () => navigate(`/complaints/${item.id}`), "data-testid": `complaint-row-${item.number}` }) as HTMLAttributes<HTMLElement>}
        onChange={(pagination) => setQuery((current) => ({ ...current, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 }))}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, showTotal: (total) => t("common.total", { count: total }) }}
      />
      <ComplaintFormModal open={isAdding} stores={stores} users={users} onClose={() => setAdding(false)} onCreated={(id) => navigate(`/complaints/${id}`)} />
    </>
  );
}
