/** Picks one customer by searching name, code, phone or email (the first 20 matches). */
import { Select } from "antd";
import { useEffect, useState } from "react";
import { listCustomers } from "../api/customers-api.ts";

export function CustomerPicker({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  placeholder: string;
  testId?: string;
}) {
  const [search, setSearch] = useState("");
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [isLoading, setLoading] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    setLoading(true);
    const timer = setTimeout(() => {
      listCustomers({ q: search || undefined, pageSize: 20 })
        .then((list) => {
          if (isCurrent) setOptions(list.items.map((customer) => ({ value: customer.id, label: `${customer.name}${customer.email ? ` · ${customer.email}` : customer.phone ? ` · ${customer.phone}` : ""}` })));
        })
        .catch(() => isCurrent && setOptions([]))
        .finally(() => isCurrent && setLoading(false));
    }, 250);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [search]);
  return (
    <Select
      style={{ width: "100%" }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      placeholder={placeholder}
      loading={isLoading}
      options={options}
      onChange={(id?: string) => onChange(id)}
      data-testid={testId}
    />
  );
}
