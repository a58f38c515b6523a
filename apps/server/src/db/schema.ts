/** Row types of the database, as Kysely sees them. Keep in step with migrations/. */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Numeric = ColumnType<string, string | number, string | number>;
type Json<T> = ColumnType<T, string | T, string | T>;
/** A JSON column with a database default (Kysely's Generated<> does not unwrap a ColumnType, so spell it out). */
type JsonWithDefault<T> = ColumnType<T, string | T | undefined, string | T>;
type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgsTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface StoresTable {
  id: Generated<string>;
  org_id: string;
  code: string;
  name: string;
  city: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: "admin" | "manager" | "store_manager" | "agent";
  locale: Generated<string>;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface UserStoresTable {
  org_id: string;
  user_id: string;
  store_id: string;
}

export interface SessionsTable {
  token_hash: string;
  org_id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ConsentJson {
  email: boolean;
  sms: boolean;
  wechat: boolean;
  phone: boolean;
}

export interface CustomersTable {
  id: Generated<string>;
  org_id: string;
  code: string | null;
  name: string;
  kind: Generated<"person" | "company">;
  gender: Generated<"female" | "male" | "unknown">;
  birthday: ColumnType<string | null, string | null | undefined, string | null>;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  city: string | null;
  company: string | null;
  home_store_id: string | null;
  account_manager_id: string | null;
  preferences: string | null;
  needs: string | null;
  personal_note: string | null;
  tags: Generated<string[]>;
  attributes: JsonWithDefault<Record<string, string | number | boolean>>;
  consent: JsonWithDefault<ConsentJson>;
  status: Generated<"active" | "archived">;
  erased_at: Timestamp | null;
  /** Lower-cased name, code, phone and email joined, for trigram search; a generated column. */
  search_text: ColumnType<string, never, never>;
  first_purchase_at: Timestamp | null;
  last_purchase_at: Timestamp | null;
  purchase_count: Generated<number>;
  total_spent: ColumnType<string, string | number | undefined, string | number>;
  created_at: CreatedAt;
  updated_at: TimestampWithDefault;
}

export interface TransactionsTable {
  id: Generated<string>;
  org_id: string;
  customer_id: string;
  store_id: string | null;
  external_id: string | null;
  occurred_at: Timestamp;
  channel: string | null;
  amount: Numeric;
  cost: Numeric | null;
  items: JsonWithDefault<unknown[]>;
  created_at: CreatedAt;
}

export interface InteractionsTable {
  id: Generated<string>;
  org_id: string;
  customer_id: string;
  store_id: string | null;
  user_id: string | null;
  kind: string;
  occurred_at: TimestampWithDefault;
  summary: string;
  body: string | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<string>;
  org_id: string | null;
  user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: JsonWithDefault<Record<string, unknown>>;
  ip: string | null;
  created_at: CreatedAt;
}

export interface ImportJobsTable {
  id: Generated<string>;
  org_id: string;
  user_id: string | null;
  kind: "customers" | "transactions";
  file_name: string;
  status: Generated<"running" | "succeeded" | "failed">;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  report: Json<Record<string, unknown> | null>;
  message: string | null;
  heartbeat_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface DB {
  orgs: OrgsTable;
  stores: StoresTable;
  users: UsersTable;
  user_stores: UserStoresTable;
  sessions: SessionsTable;
  customers: CustomersTable;
  transactions: TransactionsTable;
  interactions: InteractionsTable;
  audit_log: AuditLogTable;
  import_jobs: ImportJobsTable;
}
