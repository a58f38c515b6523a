/** The customer archive (客户档案): search, filter, sort and page on the server; export for roles allowed. */
import { FileExcelOutlined, FileTextOutlined, PlusOutlined } from "@ant-design/icons";
import type { CustomerListItem, ExportFormat } from "@kexin/contracts";
import { Alert, App, Button, Space, Table, Tag, type TableProps } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { exportCustomers, listCustomers } from "../api/customers-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatDate, formatMoney, formatNumber } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { CustomerFilters } from "./CustomerFilters.tsx";
import { CustomerFormModal } from "./CustomerFormModal.tsx";
import { useCustomerListQuery, type SortField } from "./useCustomerListQuery.ts";

const rowProps = { "data-testid": "customer-row" } as HTMLAttributes<HTMLElement>;

export default function CustomersPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { query, apiQuery, update } = useCustomerListQuery();
  const { data: list, error, isLoading } = useApiData(() => listCustomers(apiQuery), [apiQuery]);
  const [exporting, setExporting] = useState<ExportFormat>();
  const [isCreating, setCreating] = useState(false);


  async function runExport(format: ExportFormat) {
    setExporting(format);
    try {
      await exportCustomers(format, apiQuery);
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setExporting(undefined);
    }
  }

  const sortOrder = (field: SortField) =>
    query.sort === field ? (query.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null;

  const columns: TableProps<CustomerListItem>["columns"] = [
    { key: "code", title: t("customers.code"), dataIndex: "code", width: 110, render: (code: string | null) => code ?? "—" },
    {
      key: "name",
      title: t("customers.name"),
      dataIndex: "name",
      sorter: true,
      sortOrder: sortOrder("name"),
      render: (name: string, customer) => <Link to={`/customers/${customer.id}`}>{name}</Link>,
    },
    { key: "phone", title: t("customers.phone"), dataIndex: "phone", render: (phone: string | null) => phone ?? "—" },
    { key: "store", title: t("customers.homeStore"), dataIndex: "homeStoreName", render: (name: string | null) => name ?? "—" },
    {
      key: "tags",
      title: t("customers.tags"),
      dataIndex: "tags",
      render: (tags: string[]) => tags.slice(0, 4).map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    {
      key: "lastPurchaseAt",
      title: t("customers.lastPurchaseAt"),
      dataIndex: "lastPurchaseAt",
      sorter: true,
      sortOrder: sortOrder("lastPurchaseAt"),
      render: (at: string | null) => formatDate(locale, at),
    },
    {
      key: "purchaseCount",
      title: t("customers.purchaseCount"),
      dataIndex: "purchaseCount",
      align: "right",
      sorter: true,
      sortOrder: sortOrder("purchaseCount"),
      render: (count: number) => formatNumber(locale, count),
    },
    {
      key: "totalSpent",
      title: t("customers.totalSpent"),
      dataIndex: "totalSpent",
      align: "right",
      sorter: true,
      sortOrder: sortOrder("totalSpent"),
      render: (amount: number) => formatMoney(locale, amount),
    },
    {
      key: "status",
      title: t("customers.status"),
      dataIndex: "status",
      render: (status: CustomerListItem["status"]) =>
        status === "archived" ? <Tag>{t("customers.statusArchived")}</Tag> : <Tag color="green">{t("customers.statusActive")}</Tag>,
    },
  ];

  const onTableChange: TableProps<CustomerListItem>["onChange"] = (pagination, _filters, sorter, extra) => {
    if (extra.action === "sort") {
      const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CustomerListItem> | undefined;
      const field = single?.order ? (single.columnKey as SortField) : "lastPurchaseAt";
      update({ sort: field, order: single?.order === "ascend" ? "asc" : "desc" });
    } else {
      update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize });
    }
  };

  return (
    <>
      <PageTitle
        title={t("customers.title")}
        extra={
        <Space wrap>
          {can(me.role, "customer.export") && (
            <>
              <Button icon={<FileTextOutlined />} loading={exporting === "csv"} onClick={() => void runExport("csv")} data-testid="export-csv">
                {t("customers.exportCsv")}
              </Button>
              <Button icon={<FileExcelOutlined />} loading={exporting === "xlsx"} onClick={() => void runExport("xlsx")} data-testid="export-xlsx">
                {t("customers.exportExcel")}
              </Button>
            </>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-new">
            {t("customers.newCustomer")}
          </Button>
        </Space>
        }
      />
      <CustomerFilters query={query} onChange={update} />
      {Boolean(error) && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<CustomerListItem>
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={list?.items ?? []}
        onRow={() => rowProps}
        onChange={onTableChange}
        scroll={{ x: 1000 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t(list?.isTotalCapped ? "common.totalAtLeast" : "common.total", { count: total }),
        }}
      />
      <CustomerFormModal
        open={isCreating}
        onClose={() => setCreating(false)}
        onSaved={(customer) => {
          setCreating(false);
          void message.success(t("customer.created"));
          void navigate(`/customers/${customer.id}`);
        }}
      />
    </>
  );
}
