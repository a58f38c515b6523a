/**
 * Group commit on every database: answers arriving together are stored together, each exactly once, each with the
 * checks of the single-row insert (closed survey, inactive link, a key stored before, a key twice in one group).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/database.ts";
import { buildOrg, type TestOrg } from "../../../testing/factories.ts";
import { buildPublishedSurvey, buildSurveyLink, SAMPLE_DEFINITION, type PublishedSurvey } from "../../../testing/surveys.ts";
import { testDatabaseKinds } from "../../../testing/test-database.ts";
import { insertResponseGrouped } from "./group-insert.ts";
import type { ResponseRow } from "./insert-response.ts";

describe.each(testDatabaseKinds)("grouped answer inserts on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let live: PublishedSurvey;
  const rowFor = (survey: PublishedSurvey, submissionKey = randomUUID(), linkId: string | null = survey.linkId): ResponseRow => ({
    orgId: org.orgId,
    surveyId: survey.surveyId,
    version: 1,
    linkId,
    invitationId: null,
    customerId: null,
    storeId: null,
    channel: "link",
    language: "zh-CN",
    submissionKey,
    answers: { nps: 9, csat: 4 },
    startedAt: null,
    draftKeyHash: null,
  });
  const storedCount = async (surveyId: string) =>
    Number(
      (
        await database.db
          .selectFrom("survey_responses")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("survey_id", "=", surveyId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
    live = await buildPublishedSurvey(database.db, org.orgId, { ...SAMPLE_DEFINITION, closedLoop: [] });
  });
  afterAll(async () => database.close());

  it("stores 300 answers sent at once in a few statements, each once, each told its own id", async () => {
    const before = await storedCount(live.surveyId);
    let statements = 0;
    const counted = database.db.withPlugin({
      transformQuery: (args) => {
        statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const outcomes = await Promise.all(Array.from({ length: 300 }, () => insertResponseGrouped(counted, rowFor(live))));
    expect(statements).toBe(1);
    expect(outcomes.every((outcome) => outcome.kind === "inserted")).toBe(true);
    const ids = outcomes.map((outcome) => (outcome.kind === "inserted" ? outcome.id : ""));
    expect(new Set(ids).size).toBe(300);
    expect(await storedCount(live.surveyId)).toBe(before + 300);
  });

  it("inserts a key sent 20 times in one group once; the others are told nothing was inserted", async () => {
    const key = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => insertResponseGrouped(database.db, rowFor(live, key))));
    expect(outcomes.filter((outcome) => outcome.kind === "inserted")).toHaveLength(1);
    const again = await Promise.all([insertResponseGrouped(database.db, rowFor(live, key)), insertResponseGrouped(database.db, rowFor(live))]);
    expect(again[0]).toEqual({ kind: "not_inserted", surveyStatus: "live", isLinkActive: true });
    expect(again[1].kind).toBe("inserted");
  });

  it("keeps each row's own checks inside a group: closed survey, switched-off link", async () => {
    const closed = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
    await database.db.updateTable("surveys").set({ status: "closed" }).where("id", "=", closed.surveyId).execute();
    const off = await buildSurveyLink(database.db, org.orgId, live.surveyId);
    await database.db.updateTable("survey_links").set({ is_active: false }).where("id", "=", off.linkId).execute();
    const outcomes = await Promise.all([
      insertResponseGrouped(database.db, rowFor(live)),
      insertResponseGrouped(database.db, rowFor(closed)),
      insertResponseGrouped(database.db, rowFor(live, randomUUID(), off.linkId)),
      insertResponseGrouped(database.db, rowFor(live, randomUUID(), null)),
    ]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["inserted", "not_inserted", "not_inserted", "inserted"]);
    expect(outcomes[1]).toEqual({ kind: "not_inserted", surveyStatus: "closed", isLinkActive: true });
    expect(outcomes[2]).toEqual({ kind: "not_inserted", surveyStatus: "live", isLinkActive: false });
    expect(await storedCount(closed.surveyId)).toBe(0);
  });

  it("a row the database refuses fails alone, not its group", async () => {
    const bad = { ...rowFor(live), storeId: randomUUID() }; // no such store: foreign key violation
    const results = await Promise.allSettled([
      insertResponseGrouped(database.db, rowFor(live)),
      insertResponseGrouped(database.db, bad),
      insertResponseGrouped(database.db, rowFor(live)),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});
