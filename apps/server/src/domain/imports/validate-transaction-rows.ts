import { createHash } from "node:crypto";
import type { ImportMapping, ImportRowError } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { findCustomersByCode, findExistingExternalIds, findStoresByCode } from "./find-import-references.ts";
import { cellValue, parseAmount, parseMoment, parseText, type Parsed } from "./parse-cell.ts";
import type { ImportTable } from "./read-import-file.ts";

export interface TransactionImportRow {
  line: number;
  customerId: string;
  storeId: string | null;
  externalId: string;
  occurredAt: string;
  amount: string;
  cost: string | null;
  channel: string | null;
}

/**
 * Rows without an order number get a stable one from their content (customer, time, amounts, store, channel)
 * and how often that same content came earlier in the file. Importing the file again yields the same ids, so it
 * never doubles a purchase, while two identical purchases in one file stay two.
 */
export function contentExternalId(parts: string[], occurrence: number): string {
  return `import:${createHash("sha256").update(parts.join("\u001f")).digest("hex").slice(0, 32)}:${occurrence}`;
}

/**
 * Checks every row of a transaction file: the customer code must name an existing customer (in the actor's
 * stores), the time must be a date, amounts non-negative numbers, the store known, the order number unique in
 * the file. Rows whose order number is already in the database are valid but `skipped`: a re-import is a no-op.
 */
export async function validateTransactionRows({ db, actor, table, mapping }: {
  db: Kysely<DB>;
  actor: Actor;
  table: ImportTable;
  mapping: ImportMapping;
}): Promise<{ rows: TransactionImportRow[]; skipped: TransactionImportRow[]; errors: ImportRowError[] }> {
  const scope = storeScope(actor);
  const index = (field: string) => (mapping[field] ? table.columns.indexOf(mapping[field]) : -1);
  const at = {
    customerCode: index("customerCode"), occurredAt: index("occurredAt"), amount: index("amount"), cost: index("cost"),
    storeCode: index("storeCode"), channel: index("channel"), externalId: index("externalId"),
  };
  const cell = (values: string[], field: keyof typeof at) => (at[field] >= 0 ? cellValue(values[at[field]]) : "");

  const findStore = await findStoresByCode(db, actor.orgId);
  const customers = await findCustomersByCode(db, actor.orgId, table.rows.map((row) => cell(row.values, "customerCode")).filter(Boolean));
  const firstLineOfExternalId = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const valid: TransactionImportRow[] = [];
  const errors: ImportRowError[] = [];

  for (const { line, values } of table.rows) {
    const problems: ImportRowError[] = [];
    const fail = (field: string, message: string) => problems.push({ line, field, message: `${field}: ${message}` });

    const customerCode = cell(values, "customerCode");
    const customer = customerCode ? customers.get(customerCode) : undefined;
    const isVisible = customer && (scope === null || (customer.homeStoreId !== null && scope.includes(customer.homeStoreId)));
    if (!customerCode) fail("customerCode", "required, the cell is empty");
    else if (!customer || !isVisible) fail("customerCode", `no customer with code "${customerCode}"${scope ? " in your stores" : ""}: import the customers first`);
    else if (customer.isErased) fail("customerCode", `customer "${customerCode}" was erased on request`);

    const occurredText = cell(values, "occurredAt");
    const occurredAt = occurredText ? parseMoment(occurredText) : { error: "required, the cell is empty" };
    if (occurredAt.error !== undefined) fail("occurredAt", occurredAt.error);
    const amountText = cell(values, "amount");
    const amount = amountText ? parseAmount(amountText) : { error: "required, the cell is empty" };
    if (amount.error !== undefined) fail("amount", amount.error);
    const costText = cell(values, "cost");
    const cost: Parsed<string | null> = costText ? parseAmount(costText) : { value: null };
    if (cost.error !== undefined) fail("cost", cost.error);
    const channel = parseText(cell(values, "channel"), 32);
    if (channel.error !== undefined) fail("channel", channel.error);

    const storeCode = cell(values, "storeCode");
    let storeId = customer?.homeStoreId ?? null;
    if (storeCode) {
      const store = findStore(storeCode);
      if (!store) fail("storeCode", `unknown store code "${storeCode}"`);
      else if (scope !== null && !scope.includes(store.id)) fail("storeCode", `store "${storeCode}" is not one of your stores`);
      else storeId = store.id;
    }

    let externalId = cell(values, "externalId");
    if (externalId.length > 128) fail("externalId", "longer than 128 characters");
    else if (externalId && firstLineOfExternalId.has(externalId)) {
      fail("externalId", `"${externalId}" appears twice in the file (first on line ${firstLineOfExternalId.get(externalId)})`);
    } else if (externalId) firstLineOfExternalId.set(externalId, line);
    else {
      const parts = [customerCode, occurredAt.value ?? "", amount.value ?? "", cost.value ?? "", storeCode, channel.value ?? ""];
      const key = parts.join("\u001f");
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      externalId = contentExternalId(parts, occurrence);
    }

    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    valid.push({
      line, customerId: customer!.id, storeId, externalId,
      occurredAt: occurredAt.value!, amount: amount.value!, cost: cost.value ?? null, channel: channel.value || null,
    });
  }

  const existing = await findExistingExternalIds(db, actor.orgId, valid.map((row) => row.externalId));
  return {
    rows: valid.filter((row) => !existing.has(row.externalId)),
    skipped: valid.filter((row) => existing.has(row.externalId)),
    errors,
  };
}
