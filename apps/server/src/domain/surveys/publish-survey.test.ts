import { validateAnswers, type SurveyDefinition } from "@kexin/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { createSurvey } from "./create-survey.ts";
import { getSurvey } from "./get-survey.ts";
import { getSurveyVersion } from "./get-survey-version.ts";
import { listResponses } from "./list-responses.ts";
import { publishSurvey } from "./publish-survey.ts";
import { insertResponse, testDefinition } from "./survey-test-data.ts";
import { parseDefinition } from "./survey-record.ts";
import { updateSurvey } from "./update-survey.ts";

describe.each(testDatabaseKinds)("publishing and versions on $name", (kind) => {
  let database: Database;
  let org: TestOrg;

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
  });
  afterAll(() => database.close());

  const admin = () => org.users.admin.actor;
  const create = () =>
    createSurvey({ db: database.db, actor: admin(), input: { name: "购物满意度", definition: parseDefinition(testDefinition()) } });
  const versionRows = (surveyId: string) =>
    database.db.selectFrom("survey_versions").selectAll().where("survey_id", "=", surveyId).orderBy("version").execute();

  it("freezes the draft as version 1, then 2 after a change; an unchanged draft keeps its version", async () => {
    const survey = await create();
    expect(survey).toMatchObject({ status: "draft", currentVersion: null, hasUnpublishedChanges: true, versions: [] });

    const first = await publishSurvey({ db: database.db, actor: admin(), id: survey.id });
    expect(first).toMatchObject({ status: "live", currentVersion: 1, hasUnpublishedChanges: false });
    expect(first.versions.map((v) => v.version)).toEqual([1]);

    const again = await publishSurvey({ db: database.db, actor: admin(), id: survey.id });
    expect(again.currentVersion).toBe(1);
    expect(await versionRows(survey.id)).toHaveLength(1);

    const changed = structuredClone(first.draft);
    changed.pages[0].questions[0].title = { "zh-CN": "总体满意度", en: "Overall satisfaction" };
    const edited = await updateSurvey({ db: database.db, actor: admin(), id: survey.id, input: { definition: changed } });
    expect(edited).toMatchObject({ status: "live", currentVersion: 1, hasUnpublishedChanges: true });

    const second = await publishSurvey({ db: database.db, actor: admin(), id: survey.id });
    expect(second).toMatchObject({ currentVersion: 2, hasUnpublishedChanges: false });
    expect(second.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(second.versions[1].publishedAt <= second.versions[0].publishedAt).toBe(true);

    const audit = await database.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("target_id", "=", survey.id)
      .orderBy("created_at")
      .execute();
    expect(audit.filter((entry) => entry.action === "survey.publish").map((entry) => entry.details.version)).toEqual([1, 2]);
  });

  it("refuses to publish a survey without questions, naming definition.pages", async () => {
    const empty = await createSurvey({ db: database.db, actor: admin(), input: { name: "Empty" } });
    await expect(publishSurvey({ db: database.db, actor: admin(), id: empty.id })).rejects.toMatchObject({
      code: "survey.empty",
      field: "definition.pages",
    });
    expect(await versionRows(empty.id)).toHaveLength(0);
  });

  it("lets concurrent publishes of one draft make exactly one new version", async () => {
    const survey = await create();
    await publishSurvey({ db: database.db, actor: admin(), id: survey.id });
    const changed = structuredClone(survey.draft);
    changed.pages[0].questions[1].title = { en: "Would you recommend us?" };
    await updateSurvey({ db: database.db, actor: admin(), id: survey.id, input: { definition: changed } });

    const results = await Promise.all(
      Array.from({ length: 8 }, () => publishSurvey({ db: database.db, actor: admin(), id: survey.id })),
    );
    expect(results.map((result) => result.currentVersion)).toEqual(Array(8).fill(2));
    expect((await versionRows(survey.id)).map((row) => row.version)).toEqual([1, 2]);
    const audit = await database.db
      .selectFrom("audit_log")
      .select("details")
      .where("target_id", "=", survey.id)
      .where("action", "=", "survey.publish")
      .execute();
    expect(audit.filter((entry) => entry.details.isNewVersion)).toHaveLength(2);
  });

  it("never changes a published version or its answers when the draft of a live survey is edited", async () => {
    const survey = await create();
    await publishSurvey({ db: database.db, actor: admin(), id: survey.id });
    const v1Answers = { overall: 4, recommend: 9, visit: "regular" };
    await insertResponse(database.db, { orgId: org.orgId, surveyId: survey.id, version: 1, answers: v1Answers, storeId: org.storeA });
    const versionsBefore = await versionRows(survey.id);
    const responsesBefore = await database.db.selectFrom("survey_responses").selectAll().where("survey_id", "=", survey.id).execute();

    // v2 asks the visit question with other options and overall on a 7-point scale.
    const changed = structuredClone(survey.draft) as SurveyDefinition;
    changed.pages[0].questions[0] = {
      key: "overall",
      type: "likert",
      points: 7,
      labels: "satisfaction",
      required: true,
      title: { "zh-CN": "总体满意度", en: "Overall satisfaction" },
    };
    changed.pages[0].questions[2] = {
      key: "visit",
      type: "single_choice",
      required: true,
      title: { en: "How often do you come?" },
      options: [
        { key: "weekly", label: { en: "Every week" } },
        { key: "monthly", label: { en: "Every month" } },
      ],
    };
    await updateSurvey({ db: database.db, actor: admin(), id: survey.id, input: { definition: changed } });
    expect(await versionRows(survey.id)).toEqual(versionsBefore);

    await publishSurvey({ db: database.db, actor: admin(), id: survey.id });
    const versionsAfter = await versionRows(survey.id);
    expect(versionsAfter[0]).toEqual(versionsBefore[0]);
    expect(await database.db.selectFrom("survey_responses").selectAll().where("survey_id", "=", survey.id).execute()).toEqual(
      responsesBefore,
    );

    const [{ items }, v1, v2] = await Promise.all([
      listResponses({ db: database.db, actor: admin(), id: survey.id, input: { page: 1, pageSize: 20 } }),
      getSurveyVersion({ db: database.db, actor: admin(), id: survey.id, version: 1 }),
      getSurveyVersion({ db: database.db, actor: admin(), id: survey.id, version: 2 }),
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ version: 1, answers: v1Answers });
    // Read with the version it answered, the answer is whole; read with v2 it would not be.
    expect(validateAnswers(v1.definition, items[0].answers).errors).toEqual([]);
    expect(validateAnswers(v2.definition, items[0].answers).errors.map((error) => error.question)).toEqual(["visit"]);
    expect(v1.definition.pages[0].questions[2]).toMatchObject({ options: [{ key: "first" }, { key: "regular" }] });

    const detail = await getSurvey({ db: database.db, actor: admin(), id: survey.id });
    expect(detail.versions.map((v) => [v.version, v.responseCount])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(detail.responseCount).toBe(1);
  });
});
