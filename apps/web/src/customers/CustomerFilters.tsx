/** Search box and filters above the customer table. */
import { TagOutlined } from "@ant-design/icons";
import { Input, Select, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth/useSession.ts";
import { SearchBox } from "../layout/SearchBox.tsx";
import type { ListQuery, ListStatus } from "./useCustomerListQuery.ts";

const ACTIVE_WINDOWS = [30, 90, 180, 365];

export function CustomerFilters({ query, onChange }: { query: ListQuery; onChange(change: Partial<ListQuery>): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [tag, setTag] = useState(query.tag ?? "");
  useEffect(() => setTag(query.tag ?? ""), [query.tag]);

  return (
    <Space wrap size="middle" style={{ marginBottom: 16 }}>
      <SearchBox
        value={query.q}
        onSearch={(q) => onChange({ q })}
        placeholder={t("customers.searchPlaceholder")}
        width={280}
        testId="customer-search"
      />
      <Select
        allowClear
        value={query.storeId}
        onChange={(storeId?: string) => onChange({ storeId })}
        placeholder={t("customers.allStores")}
        style={{ width: 170 }}
        options={me.stores.map((store) => ({ value: store.id, label: store.name }))}
        data-testid="customer-filter-store"
      />
      <Input
        allowClear
        prefix={<TagOutlined />}
        value={tag}
        onChange={(event) => {
          setTag(event.target.value);
          if (!event.target.value && query.tag) onChange({ tag: undefined });
        }}
        onPressEnter={() => onChange({ tag: tag.trim() || undefined })}
        onBlur={() => tag.trim() !== (query.tag ?? "") && onChange({ tag: tag.trim() || undefined })}
        placeholder={t("customers.tag")}
        style={{ width: 150 }}
        data-testid="customer-filter-tag"
      />
      <Select<ListStatus>
        value={query.status}
        onChange={(status) => onChange({ status })}
        style={{ width: 120 }}
        options={[
          { value: "active", label: t("customers.statusActive") },
          { value: "archived", label: t("customers.statusArchived") },
          { value: "all", label: t("customers.statusAll") },
        ]}
        data-testid="customer-filter-status"
      />
      <Select<number>
        allowClear
        value={query.activeWithinDays}
        onChange={(activeWithinDays?: number) => onChange({ activeWithinDays })}
        placeholder={t("common.labelled", { label: t("customers.activeWithin"), value: t("customers.anyTime") })}
        style={{ width: 180 }}
        options={ACTIVE_WINDOWS.map((days) => ({
          value: days,
          label: t("common.labelled", { label: t("customers.activeWithin"), value: t("customers.activeWithinDays", { days }) }),
        }))}
        data-testid="customer-filter-active"
      />
    </Space>
  );
}
