/**
 * The demo organisation's surveys, so the reports show real numbers from the first minute: four live surveys made
 * from templates by the administrator, and a year of simulated answers to them — every report number is computed
 * from these stored answers, and the answers come from known parameters (simulate-survey-answers.ts,
 * simulate-ecsi-answers.ts), so what the reports find can be checked against what was put in.
 *
 * | survey                  | template            | answers (DEMO_SURVEY_COUNTS)                                       |
 * |-------------------------|---------------------|--------------------------------------------------------------------|
 * | 购后满意度回访          | csat-after-purchase | 1,900 anonymous: a public link per store, a kiosk at the first store |
 * | 年度客户关系 NPS        | nps-relationship    | 300 by email invitation (identified); 24 sent unanswered, 1 bounced  |
 * | 客户满意度指数 (ECSI)   | ecsi-model          | 250 by email invitation (30 unanswered) + 150 through store links    |
 * | 超市满意度指数          | supermarket-index   | 300 anonymous, a public link per store                               |
 *
 * Identified answers leave the "survey" line on the customer's timeline and, for low scores, the follow-up tasks
 * the survey's closed-loop rules open (demo-follow-ups.ts). Deterministic for a seed and anchor, ids included,
 * except what must be secret: link slugs and invitation token hashes are made from the system's secure random
 * source (nobody holds the tokens, so no demo invitation can be used to answer).
 */
import { seededRandom, type Random } from "@kexin/analytics";
import { validateAnswers, type SurveyDefinition } from "@kexin/contracts";
import type { Insertable, Kysely } from "kysely";
import type { DB, SurveyInvitationsTable, SurveyLinksTable, SurveyResponsesTable } from "../../db/schema.ts";
import { definitionFromTemplate } from "../surveys/create-survey.ts";
import { hashInvitationToken, newInvitationToken } from "../surveys/invitation-token.ts";
import { newSlug } from "../surveys/survey-link-record.ts";
import { addConsequences, type Consequences } from "./demo-follow-ups.ts";
import { DEMO_STORES } from "./demo-logins.ts";
import { DAY_MS } from "./draws.ts";
import { insertInBatches } from "./insert-in-batches.ts";
import {
  type AnswerWindow,
  type DemoCustomer,
  type DemoSurveyLink,
  languageOf,
  monthStartNear,
  type PlannedResponse,
  planInvitations,
  planLinkAnswers,
} from "./plan-demo-responses.ts";
import { ecsiAnswerIn, simulateEcsiAnswers } from "./simulate-ecsi-answers.ts";
import { simulateCsatAnswer, simulateNpsAnswer, simulateSupermarketAnswer } from "./simulate-survey-answers.ts";

/** How many of each the demo seeds (invitations: fewer when fewer customers can be emailed). */
export const DEMO_SURVEY_COUNTS = {
  csatResponses: 1900,
  /** Of the CSAT answers, the share through the first store's kiosk (the rest of that store's come by its public link). */
  csatKioskShareAtFirstStore: 0.4,
  npsAnswered: 300,
  npsUnanswered: 24,
  npsFailed: 1,
  ecsiAnswered: 250,
  ecsiUnanswered: 30,
  ecsiLinkResponses: 150,
  supermarketResponses: 300,
} as const;

/** The CSAT improvement programme starts on the month start nearest this many days before the anchor. */
export const CSAT_IMPROVEMENT_DAYS_BEFORE = 61;

const BATCH_SIZE = 300;

export interface SeedDemoSurveysOptions {
  orgId: string;
  /** Midnight UTC of the day after the last day of answers. */
  anchorTime: number;
  seed: number;
  onProgress?: (message: string) => void;
}

export interface SeedDemoSurveysResult {
  surveys: number;
  responses: number;
  invitations: number;
  tasks: number;
}

/** A version-4 UUID from the seeded generator (as seed-demo.ts makes its ids), so ids repeat with the seed. */
function uuidFrom(random: Random): string {
  let hex = "";
  for (let i = 0; i < 4; i++) hex += Math.floor(random() * 2 ** 32).toString(16).padStart(8, "0");
  const variant = "89ab"[Math.floor(random() * 4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface DemoSurvey {
  key: "csat" | "nps" | "ecsi" | "supermarket";
  id: string;
  name: string;
  templateKey: string;
  definition: SurveyDefinition;
  links: DemoSurveyLink[];
}

const SURVEYS = [
  { key: "csat", name: "购后满意度回访", templateKey: "csat-after-purchase" },
  { key: "nps", name: "年度客户关系 NPS", templateKey: "nps-relationship" },
  { key: "ecsi", name: "客户满意度指数 (ECSI)", templateKey: "ecsi-model" },
  { key: "supermarket", name: "超市满意度指数", templateKey: "supermarket-index" },
] as const;

async function loadOrganisation(db: Kysely<DB>, orgId: string) {
  const stores = await db.selectFrom("stores").select(["id", "code", "name"]).where("org_id", "=", orgId).execute();
  const [first, second] = DEMO_STORES.map((demo) => stores.find((store) => store.code === demo.code));
  if (!first || !second) throw new Error("seedDemoSurveys: the organisation lacks the demo stores");
  const users = await db
    .selectFrom("users as u")
    .leftJoin("user_stores as us", "us.user_id", "u.id")
    .select(["u.id", "u.role", "us.store_id"])
    .where("u.org_id", "=", orgId)
    .orderBy("u.email")
    .execute();
  const adminId = users.find((user) => user.role === "admin")?.id;
  if (!adminId) throw new Error("seedDemoSurveys: the organisation has no administrator");
  const storeManagers = new Map(users.filter((user) => user.role === "store_manager" && user.store_id).map((user) => [user.store_id!, user.id]));
  const rows = await db
    .selectFrom("customers")
    .select(["id", "name", "email", "home_store_id", "account_manager_id", "tags", "consent", "status", "created_at"])
    .where("org_id", "=", orgId)
    .orderBy("code")
    .orderBy("id")
    .execute();
  const customers: DemoCustomer[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    homeStoreId: row.home_store_id,
    accountManagerId: row.account_manager_id,
    tags: row.tags,
    createdAt: new Date(row.created_at).getTime(),
    canBeEmailed: row.email !== null && row.consent.email && row.status === "active",
  }));
  return { first, second, adminId, storeManagers, customers };
}

/** VIPs and members are more loyal, customers drifting away less, and the second store's a little less. */
function loyaltyShift(customer: DemoCustomer, weakerStoreId: string): number {
  let shift = 0;
  if (customer.tags.includes("VIP")) shift += 0.5;
  if (customer.tags.includes("会员")) shift += 0.15;
  if (customer.tags.includes("流失风险")) shift -= 0.6;
  if (customer.homeStoreId === weakerStoreId) shift -= 0.15;
  return shift;
}

/**
 * Seeds the demo surveys into an organisation that has the demo's stores, staff and customers, in the caller's
 * transaction. Cost: O(answers); about a second on PGlite.
 * @throws Error when the organisation lacks the demo stores or an administrator, or a simulated answer does not
 *   pass its survey's validation (a bug in the simulation, never ignored).
 */
export async function seedDemoSurveys(db: Kysely<DB>, options: SeedDemoSurveysOptions): Promise<SeedDemoSurveysResult> {
  const { orgId, anchorTime } = options;
  const random = seededRandom(options.seed ^ 0x5a7e5);
  const idRandom = seededRandom(options.seed ^ 0x5a7e1d);
  const nextId = () => uuidFrom(idRandom);
  const org = await loadOrganisation(db, orgId);
  const window: AnswerWindow = { start: anchorTime - 365 * DAY_MS, end: anchorTime };
  const createdAt = window.start - 14 * DAY_MS;

  const surveys: DemoSurvey[] = SURVEYS.map((survey) => ({
    ...survey,
    id: nextId(),
    definition: definitionFromTemplate(survey.templateKey, "zh-CN"),
    links: [],
  }));
  const byKey = Object.fromEntries(surveys.map((survey) => [survey.key, survey])) as Record<DemoSurvey["key"], DemoSurvey>;
  const linkRows: Insertable<SurveyLinksTable>[] = [];
  const addLink = (survey: DemoSurvey, kind: "public" | "kiosk", store: { id: string; name: string }, label: string) => {
    const link = { id: nextId(), kind, storeId: store.id };
    survey.links.push(link);
    linkRows.push({ id: link.id, org_id: orgId, survey_id: survey.id, slug: newSlug(), kind, store_id: store.id, label: `${store.name} ${label}`, created_at: new Date(createdAt + DAY_MS) });
  };
  for (const store of [org.first, org.second]) addLink(byKey.csat, "public", store, "收银台二维码");
  addLink(byKey.csat, "kiosk", org.first, "服务台平板");
  for (const store of [org.first, org.second]) addLink(byKey.ecsi, "public", store, "会员中心二维码");
  for (const store of [org.first, org.second]) addLink(byKey.supermarket, "public", store, "购物小票二维码");

  // Who answers what, when and where.
  const improvementStart = monthStartNear(anchorTime, CSAT_IMPROVEMENT_DAYS_BEFORE);
  const [firstPublic, secondPublic, firstKiosk] = byKey.csat.links;
  const planned: PlannedResponse[] = planLinkAnswers(random, {
    surveyKey: "csat",
    count: DEMO_SURVEY_COUNTS.csatResponses,
    window,
    // The first store collects more answers: it has the kiosk as well as the receipt code.
    pickLink: (r) => (r() < 0.42 ? secondPublic : r() < DEMO_SURVEY_COUNTS.csatKioskShareAtFirstStore ? firstKiosk : firstPublic),
    englishShare: 0.07,
    isLong: false,
    answer: (link, submittedAt, language) =>
      simulateCsatAnswer(random, { isWeakerStore: link.storeId === org.second.id, isAfterImprovement: submittedAt >= improvementStart, language }),
    nextId,
  });
  const tokenHash = () => hashInvitationToken(newInvitationToken());
  const invitationBase = { orgId, createdBy: org.adminId, window, tokenHash, nextId };
  const nps = planInvitations(random, org.customers, {
    ...invitationBase,
    surveyId: byKey.nps.id,
    surveyKey: "nps",
    answered: DEMO_SURVEY_COUNTS.npsAnswered,
    unanswered: DEMO_SURVEY_COUNTS.npsUnanswered,
    failed: DEMO_SURVEY_COUNTS.npsFailed,
    isLong: false,
    answer: (customer, submittedAt) =>
      simulateNpsAnswer(random, {
        loyaltyShift: loyaltyShift(customer, org.second.id),
        tenureDays: (submittedAt - customer.createdAt) / DAY_MS,
        language: languageOf(customer),
      }),
  });
  // The ECSI ratings draw from a generator of their own, so they depend on the seed alone: the model report shows
  // the same estimates whatever the anchor date.
  const ecsiDraws = simulateEcsiAnswers(
    seededRandom(options.seed ^ 0xec51),
    byKey.ecsi.definition,
    DEMO_SURVEY_COUNTS.ecsiAnswered + DEMO_SURVEY_COUNTS.ecsiLinkResponses,
  );
  const ecsi = planInvitations(random, org.customers, {
    ...invitationBase,
    surveyId: byKey.ecsi.id,
    surveyKey: "ecsi",
    answered: DEMO_SURVEY_COUNTS.ecsiAnswered,
    unanswered: DEMO_SURVEY_COUNTS.ecsiUnanswered,
    failed: 0,
    isLong: true,
    answer: (customer, _submittedAt, index) => ecsiAnswerIn(random, ecsiDraws[index], languageOf(customer)),
  });
  const ecsiLinkDraws = ecsiDraws.slice(ecsi.responses.length);
  planned.push(
    ...nps.responses,
    ...ecsi.responses,
    ...planLinkAnswers(random, {
      surveyKey: "ecsi",
      count: Math.min(DEMO_SURVEY_COUNTS.ecsiLinkResponses, ecsiLinkDraws.length),
      window,
      pickLink: (r) => byKey.ecsi.links[r() < 0.55 ? 0 : 1],
      englishShare: 0.05,
      isLong: true,
      answer: (_link, _submittedAt, language, index) => ecsiAnswerIn(random, ecsiLinkDraws[index], language),
      nextId,
    }),
    ...planLinkAnswers(random, {
      surveyKey: "supermarket",
      count: DEMO_SURVEY_COUNTS.supermarketResponses,
      window,
      pickLink: (r) => byKey.supermarket.links[r() < 0.5 ? 0 : 1],
      englishShare: 0.05,
      isLong: true,
      answer: (link, _submittedAt, language) => simulateSupermarketAnswer(random, { isWeakerStore: link.storeId === org.second.id, language }),
      nextId,
    }),
  );

  // Store the answers as the answering side would: checked against the version, then their consequences.
  const responses: Insertable<SurveyResponsesTable>[] = [];
  const consequences: Consequences = { interactions: [], tasks: [] };
  const followUpContext = {
    orgId,
    anchorTime,
    closerOf: (task: { assigneeId: string | null; storeId: string | null }) =>
      task.assigneeId ?? (task.storeId ? org.storeManagers.get(task.storeId) : undefined) ?? org.adminId,
    nextId,
  };
  for (const response of planned) {
    const survey = byKey[response.surveyKey as DemoSurvey["key"]];
    const checked = validateAnswers(survey.definition, response.simulated.answers);
    const [problem] = checked.errors;
    if (problem) throw new Error(`seedDemoSurveys: a simulated answer to ${survey.name} is invalid at ${problem.question}: ${problem.message}`);
    responses.push({
      id: response.id,
      org_id: orgId,
      survey_id: survey.id,
      version: 1,
      link_id: response.linkId,
      invitation_id: response.invitationId,
      customer_id: response.customer?.id ?? null,
      store_id: response.storeId,
      staff_id: null,
      channel: response.channel,
      language: response.language,
      submission_key: response.submissionKey,
      answers: JSON.stringify(checked.answers),
      started_at: new Date(response.startedAt),
      submitted_at: new Date(response.submittedAt),
    });
    addConsequences(random, response, checked.answers, survey, followUpContext, consequences);
  }
  const invitations: Insertable<SurveyInvitationsTable>[] = [...nps.invitations, ...ecsi.invitations];

  await db
    .insertInto("surveys")
    .values(
      surveys.map((survey, index) => {
        // Made an hour apart, the after-purchase survey last, so the survey list (newest first) starts with it.
        const at = new Date(createdAt + (surveys.length - index) * 3_600_000);
        const publishedAt = new Date(at.getTime() + DAY_MS);
        return {
          id: survey.id,
          org_id: orgId,
          store_id: null,
          name: survey.name,
          status: "live" as const,
          template_key: survey.templateKey,
          draft: JSON.stringify(survey.definition),
          draft_updated_at: at,
          current_version: 1,
          created_by: org.adminId,
          created_at: at,
          updated_at: publishedAt,
        };
      }),
    )
    .execute();
  await db
    .insertInto("survey_versions")
    .values(
      surveys.map((survey, index) => ({
        org_id: orgId,
        survey_id: survey.id,
        version: 1,
        definition: JSON.stringify(survey.definition),
        published_at: new Date(createdAt + (surveys.length - index) * 3_600_000 + DAY_MS),
        published_by: org.adminId,
      })),
    )
    .execute();
  await db.insertInto("survey_links").values(linkRows).execute();
  await insertInBatches(db, "survey_invitations", invitations, BATCH_SIZE);
  await insertInBatches(db, "survey_responses", responses, BATCH_SIZE);
  await insertInBatches(db, "tasks", consequences.tasks, BATCH_SIZE);
  await insertInBatches(db, "interactions", consequences.interactions, BATCH_SIZE);
  options.onProgress?.(
    `inserted ${surveys.length} surveys, ${responses.length} answers, ${invitations.length} invitations, ${consequences.tasks.length} follow-up tasks`,
  );
  return { surveys: surveys.length, responses: responses.length, invitations: invitations.length, tasks: consequences.tasks.length };
}
