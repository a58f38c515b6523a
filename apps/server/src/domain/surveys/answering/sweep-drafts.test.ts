import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/database.ts";
import { buildOrg } from "../../../testing/factories.ts";
import { buildPublishedSurvey, SAMPLE_DEFINITION } from "../../../testing/surveys.ts";
import { testDatabaseKinds } from "../../../testing/test-database.ts";
import { sweepDrafts } from "./sweep-drafts.ts";

describe.each(testDatabaseKinds)("sweepDrafts on $name", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.create();
  });
  afterAll(async () => {
    await database.close();
  });

  it("deletes drafts untouched for 30 days and keeps the others; running twice changes nothing more", async () => {
    const org = await buildOrg(database.db);
    const survey = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
    const day = 24 * 3_600_000;
    await database.db
      .insertInto("survey_drafts")
      .values(
        [["old", 31], ["recent", 29], ["today", 0]].map(([key, age]) => ({
          key_hash: String(key),
          org_id: org.orgId,
          survey_id: survey.surveyId,
          version: 1,
          answers: "{}",
          updated_at: new Date(Date.now() - Number(age) * day),
        })),
      )
      .execute();
    expect(await sweepDrafts(database.db)).toBe(1);
    expect(await sweepDrafts(database.db)).toBe(0);
    const left = await database.db.selectFrom("survey_drafts").select("key_hash").orderBy("key_hash").execute();
    expect(left.map((row) => row.key_hash)).toEqual(["recent", "today"]);
  });
});
