import type { ImportMapping, ImportRowError } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { findCustomersByCode, findStoresByCode } from "./find-import-references.ts";
import {
  cellValue, parseCalendarDate, parseEmail, parseGender, parsePhone, parseTags, parseText, type Parsed,
} from "./parse-cell.ts";
import type { ImportTable } from "./read-import-file.ts";

/** The columns of `customers` a row sets. Only mapped fields appear, so an update leaves unmapped ones alone. */
export interface CustomerValues {
  name: string;
  phone?: string | null;
  email?: string | null;
  gender?: "female" | "male" | "unknown";
  birthday?: string | null;
  city?: string | null;
  company?: string | null;
  wechat?: string | null;
  home_store_id?: string | null;
  tags?: string[];
}

export interface CustomerImportRow {
  line: number;
  /** Customers with a code are upserted by it; without one they are always inserted. */
  code: string | null;
  values: CustomerValues;
}

type Parser = (text: string) => Parsed<unknown>;
const OPTIONAL_FIELDS: [field: string, column: keyof CustomerValues, parse: Parser][] = [
  ["phone", "phone", parsePhone],
  ["email", "email", parseEmail],
  ["gender", "gender", parseGender],
  ["birthday", "birthday", parseCalendarDate],
  ["city", "city", (text) => parseText(text, 64)],
  ["company", "company", (text) => parseText(text, 200)],
  ["wechat", "wechat", (text) => parseText(text, 64)],
  ["tags", "tags", parseTags],
];
const EMPTY: Partial<Record<keyof CustomerValues, unknown>> = { gender: "unknown", tags: [] };

/**
 * Checks every row of a customer file and reports every problem with its line and field: missing name, bad
 * email/phone/date/gender, unknown store, a code twice in the file, a code of an erased customer or of a
 * customer in someone else's store. Store-scoped actors must give each row one of their own stores.
 * @throws AppError import.store_required when a store-scoped actor maps no store column.
 */
export async function validateCustomerRows({ db, actor, table, mapping }: {
  db: Kysely<DB>;
  actor: Actor;
  table: ImportTable;
  mapping: ImportMapping;
}): Promise<{ rows: CustomerImportRow[]; errors: ImportRowError[] }> {
  const scope = storeScope(actor);
  if (scope !== null && !mapping.storeCode) {
    throw invalid("import.store_required", "you import into your own stores only: map the store code column (storeCode)", "mapping.storeCode");
  }
  const index = (field: string) => (mapping[field] ? table.columns.indexOf(mapping[field]) : -1);
  const codeIndex = index("code");
  const storeIndex = index("storeCode");
  const nameIndex = index("name");
  const optional = OPTIONAL_FIELDS.map(([field, column, parse]) => ({ field, column, parse, at: index(field) })).filter(
    (entry) => entry.at >= 0,
  );

  const findStore = await findStoresByCode(db, actor.orgId);
  const codes = codeIndex >= 0 ? table.rows.map((row) => cellValue(row.values[codeIndex])).filter(Boolean) : [];
  const existing = await findCustomersByCode(db, actor.orgId, codes);
  const firstLineOfCode = new Map<string, number>();
  const rows: CustomerImportRow[] = [];
  const errors: ImportRowError[] = [];

  for (const row of table.rows) {
    const problems: ImportRowError[] = [];
    const fail = (field: string, message: string) => problems.push({ line: row.line, field, message: `${field}: ${message}` });
    const name = cellValue(row.values[nameIndex]);
    if (!name) fail("name", "required, the cell is empty");
    else if (name.length > 100) fail("name", "longer than 100 characters");
    const values: CustomerValues = { name };

    let code: string | null = null;
    if (codeIndex >= 0) code = cellValue(row.values[codeIndex]) || null;
    if (code) {
      const seenOn = firstLineOfCode.get(code);
      const customer = existing.get(code);
      if (code.length > 64) fail("code", "longer than 64 characters");
      else if (seenOn !== undefined) fail("code", `"${code}" appears twice in the file (first on line ${seenOn})`);
      else if (customer?.isErased) fail("code", `customer "${code}" was erased on request and cannot be imported again`);
      else if (customer && scope !== null && (!customer.homeStoreId || !scope.includes(customer.homeStoreId))) {
        fail("code", `customer "${code}" belongs to a store that is not yours`);
      }
      if (seenOn === undefined) firstLineOfCode.set(code, row.line);
    }

    if (storeIndex >= 0) {
      const storeCode = cellValue(row.values[storeIndex]);
      const store = storeCode ? findStore(storeCode) : undefined;
      if (!storeCode) {
        if (scope !== null) fail("storeCode", "required: you may import customers only into your own stores");
        else values.home_store_id = null;
      } else if (!store) fail("storeCode", `unknown store code "${storeCode}"`);
      else if (scope !== null && !scope.includes(store.id)) fail("storeCode", `store "${storeCode}" is not one of your stores`);
      else values.home_store_id = store.id;
    }

    for (const { field, column, parse, at } of optional) {
      const text = cellValue(row.values[at]);
      if (!text) {
        (values as unknown as Record<string, unknown>)[column] = EMPTY[column] ?? null;
        continue;
      }
      const parsed = parse(text);
      if (parsed.error !== undefined) fail(field, parsed.error);
      else (values as unknown as Record<string, unknown>)[column] = parsed.value;
    }

    if (problems.length > 0) errors.push(...problems);
    else rows.push({ line: row.line, code, values });
  }
  return { rows, errors };
}
