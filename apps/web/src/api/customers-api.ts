/** The customer archive: list, profile, timeline, interactions, archive/restore and personal data (PIPL). */
import {
  Customer,
  CustomerList,
  PersonalDataExport,
  Timeline,
  TimelineEvent,
  type CustomerExportQuery,
  type CustomerInput,
  type ExportFormat,
  type CustomerListQuery,
  type CustomerUpdate,
  type InteractionCreate,
} from "@kexin/contracts";
import { downloadFile, requestJson, saveBlob } from "./client.ts";

const customerPath = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

export function listCustomers(query: CustomerListQuery): Promise<CustomerList> {
  return requestJson(CustomerList, "/api/customers", { query });
}

export function getCustomer(id: string): Promise<Customer> {
  return requestJson(Customer, customerPath(id));
}

export function createCustomer(input: CustomerInput): Promise<Customer> {
  return requestJson(Customer, "/api/customers", { method: "POST", body: input });
}

export function updateCustomer(id: string, change: CustomerUpdate): Promise<Customer> {
  return requestJson(Customer, customerPath(id), { method: "PATCH", body: change });
}

/** The soft delete: hidden from the default list, history kept. */
export function archiveCustomer(id: string): Promise<Customer> {
  return requestJson(Customer, `${customerPath(id)}/archive`, { method: "POST" });
}

export function restoreCustomer(id: string): Promise<Customer> {
  return requestJson(Customer, `${customerPath(id)}/restore`, { method: "POST" });
}

/** Newest first; pass the oldest `at` seen so far as `before` to load the next page. */
export function getTimeline(id: string, before?: string, limit = 30): Promise<Timeline> {
  return requestJson(Timeline, `${customerPath(id)}/timeline`, { query: { before, limit } });
}

export function addInteraction(id: string, interaction: InteractionCreate): Promise<TimelineEvent> {
  return requestJson(TimelineEvent, `${customerPath(id)}/interactions`, {
    method: "POST",
    body: interaction,
  });
}

/** Downloads everything stored about the customer as a JSON file (PIPL right of access and portability). */
export async function downloadPersonalData(id: string, fileName: string): Promise<void> {
  const data = await requestJson(PersonalDataExport, `${customerPath(id)}/personal-data`);
  saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), fileName);
}

/**
 * Erases the customer's personal data for good (purchases stay as anonymous figures). The dashboard asks the user
 * to type the name first; the server needs no confirmation of its own.
 */
export function eraseCustomer(id: string): Promise<Customer> {
  return requestJson(Customer, `${customerPath(id)}/erase`, { method: "POST" });
}

/** Downloads the customers matching the list's search and filters as CSV or Excel. */
export function exportCustomers(format: ExportFormat, filters: CustomerListQuery): Promise<void> {
  const query: CustomerExportQuery = { q: filters.q, storeId: filters.storeId, tag: filters.tag, status: filters.status, format };
  return downloadFile("/api/exports/customers", `customers.${format}`, query);
}
