/** A multi-select of customers searched on the server as the user types (name, code, phone or email). */
import type { CustomerListItem } from "@kexin/contracts";
import { Select, Spin, Tag } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { listCustomers } from "../../api/customers-api.ts";

export interface PickedCustomer {
  value: string;
  label: string;
}

const SEARCH_DELAY_MS = 300;

export function CustomerPicker({ value, onChange }: { value: PickedCustomer[]; onChange(value: PickedCustomer[]): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [options, setOptions] = useState<CustomerListItem[]>([]);
  const [isSearching, setSearching] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setSearching(true);
    const timer = setTimeout(() => {
      listCustomers({ q: search.trim() || undefined, pageSize: 20 })
        .then((list) => request === latest.current && setOptions(list.items))
        .catch(() => request === latest.current && setOptions([]))
        .finally(() => request === latest.current && setSearching(false));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <Select<PickedCustomer[]>
      mode="multiple"
      labelInValue
      value={value}
      onChange={(picked) => onChange(picked.map((item) => ({ value: item.value, label: String(item.label) })))}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t("distribution.invitations.customersPlaceholder")}
      loading={isSearching}
      notFoundContent={isSearching ? <Spin size="small" /> : undefined}
      maxTagCount="responsive"
      style={{ width: "100%" }}
      data-testid="invite-customers"
      options={options.map((customer) => ({
        value: customer.id,
        label: customer.name,
        // The email shows in the menu only: the chosen tag keeps the name.
        title: customer.email ?? undefined,
        customer,
      }))}
      optionRender={(option) => {
        const customer = (option.data as { customer: CustomerListItem }).customer;
        return (
          <div className="kexin-customer-option">
            <span>{customer.name}</span>
            <span className="kexin-customer-option-meta">
              {customer.code}
              {customer.email ? ` · ${customer.email}` : ""}
            </span>
            {!customer.email && <Tag>{t("distribution.invitations.noEmail")}</Tag>}
          </div>
        );
      }}
    />
  );
}
