/**
 * Checks every row of a feedback file and prepares it for writing: channel, text, time, rating, store and the
 * customer (by code, else by phone, else by email, within the actor's stores). Rows without a reference get one
 * from their content, so importing the same file again skips them instead of doubling them; rows whose reference
 * is already stored are valid but skipped.
 */
import { FEEDBACK_BODY_MAX, type FeedbackChannel, type ImportMapping, type ImportRowError } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope, storeScope } from "../auth/authorize.ts";
import { chunks, findCustomersByCode, findStoresByCode } from "../imports/find-import-references.ts";
import { cellValue, parseEmail, parseMoment, parsePhone, parseText, type Parsed } from "../imports/parse-cell.ts";
import type { ImportTable } from "../imports/read-import-file.ts";
import { contentExternalId } from "../imports/validate-transaction-rows.ts";
import { analyseFeedback, type FeedbackAnalysis } from "./analyse-feedback.ts";
import { findCustomersByContact, phoneKey } from "./feedback-references.ts";
import { parseFeedbackChannel, parseRating } from "./parse-feedback-cell.ts";

export interface FeedbackImportRow {
  line: number;
  channel: FeedbackChannel;
  sourceRef: string;
  body: string;
  rating: number | null;
  receivedAt: Date;
  storeId: string | null;
  customerId: string | null;
  authorName: string | null;
  authorContact: string | null;
  analysis: FeedbackAnalysis;
}

const FUTURE_TOLERANCE_MS = 3_600_000;

export async function validateFeedbackRows({ db, actor, table, mapping, now }: {
  db: Kysely<DB>;
  actor: Actor;
  table: ImportTable;
  mapping: ImportMapping;
  now: Date;
}): Promise<{ rows: FeedbackImportRow[]; skipped: FeedbackImportRow[]; errors: ImportRowError[] }> {
  const scope = storeScope(actor);
  const index = (field: string) => (mapping[field] ? table.columns.indexOf(mapping[field]) : -1);
  const fields = ["channel", "body", "receivedAt", "customerCode", "customerName", "phone", "email", "rating", "storeCode", "sourceRef"] as const;
  const at = Object.fromEntries(fields.map((field) => [field, index(field)])) as Record<(typeof fields)[number], number>;
  const cell = (values: string[], field: (typeof fields)[number]) => (at[field] >= 0 ? cellValue(values[at[field]]) : "");
  const column = (field: (typeof fields)[number]) => table.rows.map((row) => cell(row.values, field)).filter(Boolean);

  const findStore = await findStoresByCode(db, actor.orgId);
  const customersByCode = await findCustomersByCode(db, actor.orgId, column("customerCode"));
  const contacts = await findCustomersByContact(db, actor, {
    phones: column("phone").filter((phone) => parsePhone(phone).value),
    emails: column("email").flatMap((email) => parseEmail(email).value ?? []),
  });

  const firstLineOfRef = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const valid: FeedbackImportRow[] = [];
  const errors: ImportRowError[] = [];

  for (const { line, values } of table.rows) {
    const problems: ImportRowError[] = [];
    const fail = (field: string, message: string) => problems.push({ line, field, message: `${field}: ${message}` });
    const check = <T,>(field: string, parsed: Parsed<T>): T | undefined => {
      if (parsed.error !== undefined) fail(field, parsed.error);
      return parsed.value;
    };

    const channel = check("channel", parseFeedbackChannel(cell(values, "channel")));
    const bodyText = cell(values, "body");
    const body = bodyText ? check("body", parseText(bodyText, FEEDBACK_BODY_MAX)) : (fail("body", "required, the cell is empty"), undefined);
    const receivedText = cell(values, "receivedAt");
    const receivedIso = receivedText ? check("receivedAt", parseMoment(receivedText)) : undefined;
    const receivedAt = receivedIso ? new Date(receivedIso) : now;
    if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) fail("receivedAt", `${receivedText} is in the future`);
    const rating = check("rating", parseRating(cell(values, "rating")));
    const name = check("customerName", parseText(cell(values, "customerName"), 100));
    const phoneText = cell(values, "phone");
    const phone = phoneText ? check("phone", parsePhone(phoneText)) : undefined;
    const emailText = cell(values, "email");
    const email = emailText ? check("email", parseEmail(emailText)) : undefined;

    let customer: { id: string; homeStoreId: string | null } | undefined;
    const customerCode = cell(values, "customerCode");
    if (customerCode) {
      const found = customersByCode.get(customerCode);
      if (!found || !isInStoreScope(actor, found.homeStoreId)) {
        fail("customerCode", `no customer with code "${customerCode}"${scope ? " in your stores" : ""}`);
      } else if (found.isErased) fail("customerCode", `customer "${customerCode}" was erased on request`);
      else customer = found;
    }
    customer ??= (phone ? contacts.byPhone.get(phoneKey(phone)) : undefined) ?? (email ? contacts.byEmail.get(email) : undefined);

    let storeId: string | null = null;
    const storeCode = cell(values, "storeCode");
    if (storeCode) {
      const store = findStore(storeCode);
      if (!store) fail("storeCode", `unknown store code "${storeCode}"`);
      else if (!isInStoreScope(actor, store.id)) fail("storeCode", `store "${storeCode}" is not one of your stores`);
      else storeId = store.id;
    } else if (customer?.homeStoreId && isInStoreScope(actor, customer.homeStoreId)) storeId = customer.homeStoreId;
    else if (scope?.length === 1) storeId = scope[0];
    else if (scope) fail("storeCode", "required: you work in several stores, so say which one the feedback is for");

    let sourceRef = cell(values, "sourceRef");
    if (sourceRef.length > 128) fail("sourceRef", "longer than 128 characters");
    else if (sourceRef) {
      const key = `${channel}\u001f${sourceRef}`;
      const first = firstLineOfRef.get(key);
      if (first !== undefined) fail("sourceRef", `"${sourceRef}" appears twice in the file (first on line ${first})`);
      else firstLineOfRef.set(key, line);
    } else {
      const parts = [channel ?? "", body ?? "", receivedText, customerCode, phoneText, emailText, name ?? ""];
      const key = parts.join("\u001f");
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      sourceRef = contentExternalId(parts, occurrence);
    }

    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    valid.push({
      line,
      channel: channel!,
      sourceRef,
      body: body!,
      rating: rating ?? null,
      receivedAt,
      storeId,
      customerId: customer?.id ?? null,
      authorName: name || null,
      authorContact: customer ? null : (phone ?? email ?? null),
      analysis: analyseFeedback(body!, rating ?? null),
    });
  }

  const existing = await findExistingRefs(db, actor.orgId, valid);
  const isExisting = (row: FeedbackImportRow) => existing.has(`${row.channel}\u001f${row.sourceRef}`);
  return { rows: valid.filter((row) => !isExisting(row)), skipped: valid.filter(isExisting), errors };
}

async function findExistingRefs(db: Kysely<DB>, orgId: string, rows: readonly FeedbackImportRow[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks([...new Set(rows.map((row) => row.sourceRef))])) {
    const stored = await db
      .selectFrom("feedback")
      .select(["channel", "source_ref"])
      .where("org_id", "=", orgId)
      .where("source_ref", "in", chunk)
      .execute();
    for (const row of stored) found.add(`${row.channel}\u001f${row.source_ref}`);
  }
  return found;
}
