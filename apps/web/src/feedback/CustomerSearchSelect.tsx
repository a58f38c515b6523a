/** Picks a customer by typing part of a name or phone number (GET /api/customers?q=), newest answer wins. */
import { Select } from "antd";
import { useEffect, useRef, useState, type CSSProperties } from "react";
import { listCustomers } from "../api/customers-api.ts";

export interface CustomerOption {
  value: string;
  label: string;
  homeStoreId: string | null;
}

interface Props {
  value?: string;
  onChange?(value: string | undefined, option?: CustomerOption): void;
  placeholder?: string;
  /** A customer already chosen, shown before any search. */
  initial?: { id: string; name: string } | null;
  testId?: string;
  style?: CSSProperties;
}

const DEBOUNCE_MS = 250;

export function CustomerSearchSelect({ value, onChange, placeholder, initial, testId, style = { width: "100%" } }: Props) {
  const [options, setOptions] = useState<CustomerOption[]>(initial ? [{ value: initial.id, label: initial.name, homeStoreId: null }] : []);
  const [isSearching, setSearching] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function search(text: string) {
    clearTimeout(timer.current);
    const q = text.trim();
    if (!q) return;
    timer.current = setTimeout(() => {
      const request = ++latest.current;
      setSearching(true);
      listCustomers({ q, pageSize: 10, sort: "name", order: "asc" })
        .then((list) => {
          if (request !== latest.current) return;
          setOptions(
            list.items.map((customer) => ({
              value: customer.id,
              label: [customer.name, customer.phone, customer.homeStoreName].filter(Boolean).join(" · "),
              homeStoreId: customer.homeStoreId,
            })),
          );
        })
        .catch(() => request === latest.current && setOptions([]))
        .finally(() => request === latest.current && setSearching(false));
    }, DEBOUNCE_MS);
  }

  return (
    <Select<string, CustomerOption>
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value}
      loading={isSearching}
      placeholder={placeholder}
      options={options}
      onChange={(chosen, option) => onChange?.(chosen, Array.isArray(option) ? option[0] : option)}
      notFoundContent={null}
      data-testid={testId}
      style={style}
    />
  );
}
