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
  /** Why the system dismissed it ('plan_no_longer_applies'); null when a person closed it. */
  dismissed_reason: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** 1 (vip) … 4 (ordinary), 5 without a tier: a generated column for the priority order. */
  tier_rank: ColumnType<number, never, never>;
  orders: Generated<number>;
  first_purchase_at: Timestamp | null;
  last_purchase_at: Timestamp | null;
  revenue: ColumnType<string, string | number | undefined, string | number>;
  /** Revenue of the last 365 days. */
  annual_spend: ColumnType<string, string | number | undefined, string | number>;
  /** Revenue per year while the customer was buying (see compute-value-figures.ts). */
  annual_value: Numeric | null;
  /** Σ (amount − cost) over purchases whose cost is known; null when none is. */
  gross_profit: Numeric | null;
  /** Σ interactions of the last 365 days × the unit cost of their kind; null when no unit cost is set. */
  cost_to_serve: Numeric | null;
  recency_days: number | null;
  rfm_r: number | null;
  rfm_f: number | null;
  rfm_m: number | null;
  rfm_score: number | null;
  rfm_segment: string | null;
  repeat_purchases: number | null;
  p_alive: number | null;
  expected_purchases: number | null;
  clv: Numeric | null;
  clv_top_percent: number | null;
  profit_top_percent: number | null;
  expected_interval_days: number | null;
  churn_status: "active" | "at_risk" | "lost" | null;
}

export interface TierRulesTable {
  org_id: string;
  /** The rules of a TierRuleSet (contracts, an ordered array), validated on the way in. */
  rules: Json<unknown>;
  updated_by: string | null;
  updated_at: TimestampWithDefault;
}

export interface ValueSettingsTable {
  org_id: string;
  /** Unit cost of serving per interaction kind (call, visit, …), for cost-to-serve. */
  interaction_costs: JsonWithDefault<Record<string, number>>;
  at_risk_interval_multiple: Generated<number>;
  lost_interval_multiple: Generated<number>;
  at_risk_alive_below: Generated<number>;
  lost_alive_below: Generated<number>;
  last_run: JsonWithDefault<Record<string, unknown> | null>;
  updated_by: string | null;
  updated_at: TimestampWithDefault;
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

export type PlanActionKindValue = "call" | "visit" | "greeting";
export type PlanCadenceValue = "daily" | "weekly" | "monthly" | "holidays";
export type PlanAssigneeValue = "account_manager" | "store" | "greetings";
export interface MaintenancePlansTable {
  id: Generated<string>;
  org_id: string;
  tier: TierKey;
  is_active: Generated<boolean>;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: TimestampWithDefault;
}

export interface PlanActionsTable {
  id: Generated<string>;
  org_id: string;
  plan_id: string;
  position: number;
  kind: PlanActionKindValue;
  cadence: PlanCadenceValue;
  /** ISO weekdays (1 = Monday … 7 = Sunday) for the weekly cadence. */
  weekdays: ColumnType<number[], number[] | undefined, number[]>;
  month_day: number | null;
  holidays: ColumnType<string[], string[] | undefined, string[]>;
  topic: string;
  assign_to: ColumnType<PlanAssigneeValue, PlanAssigneeValue | undefined, PlanAssigneeValue>;
  records_service_figures: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ServiceFiguresTable {
  id: Generated<string>;
  org_id: string;
  customer_id: string;
  store_id: string | null;
  task_id: string | null;
  /** Percent, 0–100. */
  on_time_delivery_rate: Numeric | null;
  inspection_pass_rate: Numeric | null;
  recorded_by: string | null;
  recorded_at: TimestampWithDefault;
}

export type GreetingChannelValue = "email" | "sms" | "wechat";
export type DeliveryStatusValue = "pending" | "sending" | "sent" | "skipped" | "uncertain" | "failed";

export interface GreetingSettingsTable {
  org_id: string;
  time_zone: Generated<string>;
  quiet_start: Generated<string>;
  quiet_end: Generated<string>;
  updated_at: TimestampWithDefault;
}

export interface GreetingTemplatesTable {
  id: Generated<string>;
  org_id: string;
  builtin_key: string | null;
  purpose: string;
  language: "zh-CN" | "en" | "zh-TW";
  name: string;
  subject: string;
  body: string;
  is_archived: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: TimestampWithDefault;
}

export interface GreetingRulesTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  occasion: string;
  template_id: string;
  channel: GreetingChannelValue;
  send_time: Generated<string>;
  days_after: number | null;
  segment: JsonWithDefault<Record<string, unknown>>;
  is_active: Generated<boolean>;
  /** The local date the rule last queued its once-a-day occasions for, so it plans each day once. */
  last_planned_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: TimestampWithDefault;
}

export interface GreetingCampaignsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  template_id: string;
  channel: GreetingChannelValue;
  segment: JsonWithDefault<Record<string, unknown>>;
  scheduled_at: Timestamp;
  status: ColumnType<"scheduled" | "sending" | "done" | "cancelled", "scheduled" | "sending" | "done" | "cancelled" | undefined, "scheduled" | "sending" | "done" | "cancelled">;
  estimated_count: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: TimestampWithDefault;
}

/** One message to one customer for one occasion on one channel: unique, the proof it went out at most once. */
export interface MessageDeliveriesTable {
  id: Generated<string>;
  org_id: string;
  customer_id: string;
  occasion_key: string;
  channel: GreetingChannelValue;
  template_id: string | null;
  rule_id: string | null;
  campaign_id: string | null;
  status: ColumnType<DeliveryStatusValue, DeliveryStatusValue | undefined, DeliveryStatusValue>;
  reason: string | null;
  recipient: string | null;
  subject: string | null;
  message_id: string | null;
  claim_token: string | null;
  attempts: Generated<number>;
  due_at: Timestamp;
  claimed_at: Timestamp | null;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: TimestampWithDefault;
}

export type ComplaintCategoryValue =
  | "rude_staff" | "poor_service" | "untrained_staff" | "product_quality" | "poor_choice" | "price" | "delivery"
  | "changed_needs" | "other";
export type ComplaintSeverityValue = "low" | "medium" | "high" | "critical";
export type ComplaintStatusValue = "open" | "in_progress" | "resolved" | "closed";
type DateList = ColumnType<string[], string[] | undefined, string[]>;

export interface ComplaintSettingsTable {
  org_id: string;
  time_zone: Generated<string>;
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  work_days: ColumnType<number[], number[] | undefined, number[]>;
  opens_minute: Generated<number>;
  closes_minute: Generated<number>;
  /** Calendar days as yyyy-mm-dd text (checked by the contract on the way in). */
  holidays: DateList;
  extra_workdays: DateList;
  recovery_survey_id: string | null;
  staff_kpi_threshold_percent: ColumnType<string, string | number | undefined, string | number>;
  updated_at: TimestampWithDefault;
}

export interface ComplaintSlaPoliciesTable {
  id: Generated<string>;
  org_id: string;
  severity: ComplaintSeverityValue;
  tier: TierKey | null;
  first_response_minutes: number;
  resolution_minutes: number;
}

export interface ComplaintCountersTable {
  org_id: string;
  year: number;
  last_number: number;
}

export interface ComplaintStoreLinksTable {
  org_id: string;
  store_id: string;
  slug: string;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ComplaintsTable {
  id: Generated<string>;
  org_id: string;
  number: string;
  store_id: string | null;
  customer_id: string | null;
  category: ComplaintCategoryValue;
  severity: ComplaintSeverityValue;
  channel: "dashboard" | "public_page" | "email" | "api";
  subject: string;
  body: string;
  language: Generated<string>;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  staff_id: string | null;
  staff_name: string | null;
  customer_tier: TierKey | null;
  status: ColumnType<ComplaintStatusValue, ComplaintStatusValue | undefined, ComplaintStatusValue>;
  assignee_id: string | null;
  first_response_minutes: number;
  resolution_minutes: number;
  first_response_due_at: Timestamp;
  resolution_started_at: Timestamp;
  resolution_due_at: Timestamp;
  first_responded_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  escalation_level: Generated<number>;
  resolution_note: string | null;
  compensation_amount: Numeric | null;
  compensation_kind: string | null;
  compensation_note: string | null;
  recovery_status: "pending" | "sent" | "failed" | "answered" | "skipped" | null;
  recovery_survey_id: string | null;
  recovery_invitation_id: string | null;
  recovery_reason: string | null;
  created_by: string | null;
  created_at: TimestampWithDefault;
  updated_at: TimestampWithDefault;
}

export type ComplaintEventKindValue =
  | "filed" | "note" | "reply" | "customer_reply" | "assigned" | "status" | "escalated" | "resolved" | "reopened"
  | "closed" | "recovery_survey" | "updated";
export interface ComplaintEventsTable {
  id: Generated<string>;
  org_id: string;
  complaint_id: string;
  kind: ComplaintEventKindValue;
  body: string | null;
  channel: "email" | "phone" | "in_person" | "wechat" | null;
  level: number | null;
  to_status: ComplaintStatusValue | null;
  recipients: ColumnType<string[], string[] | undefined, string[]>;
  /** The Message-ID of an email sent or received; unique per organisation, so a redelivered message threads once. */
  message_id: string | null;
  notified_at: Timestamp | null;
  notify_lease_until: Timestamp | null;
  notify_error: string | null;
  user_id: string | null;
  created_at: TimestampWithDefault;
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
  greeting_settings: GreetingSettingsTable;
  greeting_templates: GreetingTemplatesTable;
  greeting_rules: GreetingRulesTable;
  greeting_campaigns: GreetingCampaignsTable;
  message_deliveries: MessageDeliveriesTable;
  tier_rules: TierRulesTable;
  value_settings: ValueSettingsTable;
  jobs: JobsTable;
  maintenance_plans: MaintenancePlansTable;
  plan_actions: PlanActionsTable;
  service_figures: ServiceFiguresTable;
  complaint_settings: ComplaintSettingsTable;
  complaint_sla_policies: ComplaintSlaPoliciesTable;
  complaint_counters: ComplaintCountersTable;
  complaint_store_links: ComplaintStoreLinksTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
}
