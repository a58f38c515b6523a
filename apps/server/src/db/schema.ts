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

export interface SurveysTable {
  id: Generated<string>;
  org_id: string;
  store_id: string | null;
  name: string;
  status: ColumnType<"draft" | "live" | "closed", "draft" | "live" | "closed" | undefined, "draft" | "live" | "closed">;
  template_key: string | null;
  /** A SurveyDefinition (contracts), validated on the way in. */
  draft: Json<unknown>;
  draft_updated_at: TimestampWithDefault;
  current_version: number | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: TimestampWithDefault;
}

export interface SurveyVersionsTable {
  org_id: string;
  survey_id: string;
  version: number;
  definition: Json<unknown>;
  published_at: TimestampWithDefault;
  published_by: string | null;
}

export interface SurveyLinksTable {
  id: Generated<string>;
  org_id: string;
  survey_id: string;
  slug: string;
  kind: ColumnType<"public" | "kiosk", "public" | "kiosk" | undefined, "public" | "kiosk">;
  store_id: string | null;
  label: string;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
}

export type InvitationStatusValue = "pending" | "sent" | "failed" | "answered";
export interface SurveyInvitationsTable {
  id: Generated<string>;
  org_id: string;
  survey_id: string;
  customer_id: string | null;
  email: string;
  language: Generated<string>;
  token_hash: string;
  status: ColumnType<InvitationStatusValue, InvitationStatusValue | undefined, InvitationStatusValue>;
  attempts: Generated<number>;
  error: string | null;
  sent_at: Timestamp | null;
  reminded_at: Timestamp | null;
  answered_at: Timestamp | null;
  response_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  /** Lease while an email is on its way, then back-off after a failure; the sweep sends pending rows past it. */
  next_attempt_at: TimestampWithDefault;
}

export type ResponseChannel = "link" | "kiosk" | "email" | "staff" | "import";
export interface SurveyResponsesTable {
  id: Generated<string>;
  org_id: string;
  survey_id: string;
  version: number;
  link_id: string | null;
  invitation_id: string | null;
  customer_id: string | null;
  store_id: string | null;
  staff_id: string | null;
  channel: ResponseChannel;
  language: string;
  submission_key: string;
  /** Answers (contracts `Answers`), checked against the version before insert. */
  answers: Json<Record<string, unknown>>;
  started_at: Timestamp | null;
  submitted_at: TimestampWithDefault;
}

export interface SurveyDraftsTable {
  key_hash: string;
  org_id: string;
  survey_id: string;
  version: number;
  page_index: Generated<number>;
  answers: Json<Record<string, unknown>>;
  updated_at: TimestampWithDefault;
}

export type TaskKindValue = "follow_up" | "call" | "visit" | "greeting";
export type TaskStatusValue = "open" | "done" | "dismissed";
export type TaskOutcomeValue = "reached" | "not_reached" | "issue_found" | "resolved";
export interface TasksTable {
  id: Generated<string>;
  org_id: string;
  kind: TaskKindValue;
  status: ColumnType<TaskStatusValue, TaskStatusValue | undefined, TaskStatusValue>;
  title: string;
  detail: string | null;
  customer_id: string | null;
  store_id: string | null;
  assignee_id: string | null;
  source_type: "survey_response" | "feedback" | "plan" | null;
  source_id: string | null;
  survey_id: string | null;
  /** Unique per organisation: regenerating a task with the same key never duplicates it. */
  dedupe_key: string;
  due_at: Timestamp;
  outcome: TaskOutcomeValue | null;
  outcome_note: string | null;
  closed_by: string | null;
  created_at: CreatedAt;
  closed_at: Timestamp | null;
}

export type FeedbackChannelValue = "phone" | "email" | "wechat" | "weibo" | "app_store" | "in_person" | "web" | "other";
export type FeedbackStatusValue = "new" | "in_progress" | "closed";
export interface FeedbackTable {
  id: Generated<string>;
  org_id: string;
  store_id: string | null;
  customer_id: string | null;
  channel: FeedbackChannelValue;
  /** The item's id in the system it came from: (org_id, channel, source_ref) is unique, so re-imports skip it. */
  source_ref: string | null;
  author_name: string | null;
  author_contact: string | null;
  body: string;
  rating: number | null;
  language: Generated<string>;
  /** From −1 to 1, computed from the text (and rating) on arrival. */
  sentiment: Generated<number>;
  themes: Generated<string[]>;
  status: ColumnType<FeedbackStatusValue, FeedbackStatusValue | undefined, FeedbackStatusValue>;
  assignee_id: string | null;
  received_at: TimestampWithDefault;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: TimestampWithDefault;
}

export type TierKey = "vip" | "important" | "quality" | "ordinary";

export interface CustomerValuesTable {
  customer_id: string;
  org_id: string;
  /** The tier in force: the override when there is one, else the computed tier. */
  tier: TierKey | null;
  computed_tier: TierKey | null;
  tier_override: TierKey | null;
  override_reason: string | null;
  override_by: string | null;
  override_at: Timestamp | null;
  computed_at: TimestampWithDefault;
}

export interface TierChangesTable {
  id: Generated<string>;
  org_id: string;
  customer_id: string;
  from_tier: TierKey | null;
  to_tier: TierKey | null;
  source: "computed" | "manual";
  reason: string | null;
  changed_by: string | null;
  changed_at: TimestampWithDefault;
}

export interface JobsTable {
  id: Generated<string>;
  org_id: string;
  kind: string;
  key: string;
  payload: JsonWithDefault<Record<string, unknown>>;
  status: Generated<"queued" | "running" | "done" | "failed">;
  run_at: TimestampWithDefault;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  result: Json<Record<string, unknown> | null> | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
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
  surveys: SurveysTable;
  survey_versions: SurveyVersionsTable;
  survey_links: SurveyLinksTable;
  survey_invitations: SurveyInvitationsTable;
  survey_responses: SurveyResponsesTable;
  survey_drafts: SurveyDraftsTable;
  tasks: TasksTable;
  feedback: FeedbackTable;
  customer_values: CustomerValuesTable;
  tier_changes: TierChangesTable;
  jobs: JobsTable;
}
