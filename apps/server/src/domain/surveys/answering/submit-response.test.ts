/**
 * The cost of the hot path, counted in statements: a warm anonymous link answer that sets off no rule is one
 * statement; a retry is two (the insert that stores nothing, then the read of the stored answer).
 */
import { randomUUID } from "node:crypto";
import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/database.ts";
import { buildOrg } from "../../../testing/factories.ts";
import { buildPublishedSurvey, SAMPLE_DEFINITION } from "../../../testing/surveys.ts";
import { testDatabaseKinds } from "../../../testing/test-database.ts";
import { submitResponse } from "./submit-response.ts";

describe.each(testDatabaseKinds)("submitResponse statements on $name", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.create();
  });
  afterAll(async () => {
    await database.close();
  });

  it("stores a warm link answer in one statement, and answers a retry in two", async () => {
    const org = await buildOrg(database.db);
    const survey = await buildPublishedSurvey(database.db, org.orgId, { ...SAMPLE_DEFINITION, closedLoop: [] });
    let statements = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = database.db.withPlugin(counter);
    const input = (submissionKey: string) => ({
      slug: survey.slug,
      version: 1,
      submissionKey,
      language: "zh-CN" as const,
      answers: { nps: 10, csat: 5 },
    });

    await submitResponse({ db, input: input(randomUUID()) });
    statements = 0;
    const key = randomUUID();
    const first = await submitResponse({ db, input: input(key) });
    expect(first.isDuplicate).toBe(false);
    expect(statements).toBe(1);

    statements = 0;
    const retry = await submitResponse({ db, input: input(key) });
    expect(retry).toEqual({ responseId: first.responseId, isDuplicate: true });
    expect(statements).toBe(2);
  });
});
