/** Between the API's customer and the edit form's values: blanks become null, attributes become rows. */
import type { Consent, Customer, CustomerInput } from "@kexin/contracts";

export interface AttributeRow {
  key: string;
  value: string;
}

export interface CustomerFormValues {
  name: string;
  code?: string;
  kind: "person" | "company";
  gender: "female" | "male" | "unknown";
  birthday?: string;
  phone?: string;
  email?: string;
  wechat?: string;
  city?: string;
  company?: string;
  homeStoreId?: string;
  preferences?: string;
  needs?: string;
  personalNote?: string;
  tags: string[];
  attributes: AttributeRow[];
  consent: Consent;
}

export const EMPTY_CUSTOMER: CustomerFormValues = {
  name: "",
  kind: "person",
  gender: "unknown",
  tags: [],
  attributes: [],
  consent: { email: true, sms: true, wechat: true, phone: true },
};

export function toFormValues(customer: Customer): CustomerFormValues {
  const text = (value: string | null) => value ?? undefined;
  return {
    name: customer.name,
    code: text(customer.code),
    kind: customer.kind,
    gender: customer.gender,
    birthday: text(customer.birthday),
    phone: text(customer.phone),
    email: text(customer.email),
    wechat: text(customer.wechat),
    city: text(customer.city),
    company: text(customer.company),
    homeStoreId: text(customer.homeStoreId),
    preferences: text(customer.preferences),
    needs: text(customer.needs),
    personalNote: text(customer.personalNote),
    tags: customer.tags,
    attributes: Object.entries(customer.attributes).map(([key, value]) => ({ key, value: String(value) })),
    consent: customer.consent,
  };
}

const blankToNull = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

export function toCustomerInput(values: CustomerFormValues): CustomerInput {
  const attributes: Record<string, string> = {};
  for (const row of values.attributes ?? []) {
    if (row?.key?.trim()) attributes[row.key.trim()] = row.value ?? "";
  }
  return {
    name: values.name.trim(),
    code: blankToNull(values.code),
    kind: values.kind,
    gender: values.gender,
    birthday: blankToNull(values.birthday),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
    wechat: blankToNull(values.wechat),
    city: blankToNull(values.city),
    company: blankToNull(values.company),
    homeStoreId: values.homeStoreId ?? null,
    preferences: blankToNull(values.preferences),
    needs: blankToNull(values.needs),
    personalNote: blankToNull(values.personalNote),
    tags: values.tags ?? [],
    attributes,
    consent: values.consent,
  };
}
