import type { FastifyInstance } from "fastify";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SurveyDetail, SurveyLink, SurveyLinkList } from "@kexin/contracts";
import { loadConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { insertResponse, testDefinition } from "../../domain/surveys/survey-test-data.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

/** The dark modules an SVG from qrcode draws: rows of `h` runs, each at y + 0.5, after the white background. */
function modulesOfSvg(svg: string, margin: number): Set<string> {
  const path = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)?.[1] ?? "";
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?/g)) {
    if (command === "M") [x, y] = [Number(a), Number(b)];
    else if (command === "m") [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let step = 0; step < Number(a); step++) dark.add(`${x + step - margin},${Math.floor(y) - margin}`);
      x += Number(a);
    }
  }
  return dark;
}

function modulesOfText(text: string): Set<string> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const dark = new Set<string>();
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) if (modules.get(row, column)) dark.add(`${column},${row}`);
  }
  return dark;
}

describe.each(testDatabaseKinds)("survey links and QR codes on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  let orgWide: SurveyDetail;
  let storeSurvey: SurveyDetail;
  let publicUrl: string;

  const call = (who: SessionKey, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  async function expectStatus<T>(status: number, who: SessionKey, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
    const response = await call(who, method, url, payload);
    expect(response.statusCode, `${method} ${url} as ${who}: ${response.body}`).toBe(status);
    return response.json() as T;
  }
  const createLink = (who: SessionKey, surveyId: string, body: object) =>
    expectStatus<SurveyLink>(201, who, "POST", `/api/surveys/${surveyId}/links`, body);
  const linkIds = async (who: SessionKey, surveyId: string) =>
    (await expectStatus<SurveyLinkList>(200, who, "GET", `/api/surveys/${surveyId}/links`)).items.map((link) => link.id);

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    // The origin buildTestApp's configuration has (KEXIN_PUBLIC_URL unset: this server's own address).
    publicUrl = loadConfig({ KEXIN_LOG_LEVEL: "silent" }).publicUrl;
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    const create = async (who: SessionKey, name: string) =>
      expectStatus<SurveyDetail>(201, who, "POST", "/api/surveys", { name, definition: testDefinition() });
    orgWide = await create("manager", "Lounge");
    storeSurvey = await create("store_manager", "Counter A");
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("makes links with a random 10-character base62 slug, its /s/ path and the public address the QR code encodes", async () => {
    const link = await createLink("manager", orgWide.id, { label: "机场贵宾室" });
    expect(link).toMatchObject({ surveyId: orgWide.id, kind: "public", storeId: null, label: "机场贵宾室", isActive: true, responseCount: 0 });
    expect(link.slug).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(link.path).toBe(`/s/${link.slug}`);
    expect(link.url).toBe(`http://localhost:3000/s/${link.slug}`); // KEXIN_PUBLIC_URL's default
    const kiosk = await createLink("manager", orgWide.id, { label: "Kiosk", kind: "kiosk", storeId: org.storeB });
    expect(kiosk).toMatchObject({ kind: "kiosk", storeId: org.storeB });
    expect(kiosk.slug).not.toBe(link.slug);
    const slugs = new Set<string>();
    for (let index = 0; index < 20; index++) slugs.add((await createLink("admin", orgWide.id, { label: `L${index}` })).slug);
    expect(slugs.size).toBe(20);
  });

  it("puts store staff's links of an organisation-wide survey at their own store, and hides other stores' links", async () => {
    const mine = await createLink("store_manager", orgWide.id, { label: "Counter" });
    expect(mine.storeId).toBe(org.storeA);
    const theirs = await createLink("storeManagerB", orgWide.id, { label: "Counter B" });
    expect(theirs.storeId).toBe(org.storeB);

    const forA = await linkIds("agent", orgWide.id);
    expect(forA).toContain(mine.id);
    expect(forA).not.toContain(theirs.id);
    expect(await linkIds("manager", orgWide.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));

    const hidden = await expectStatus<{ error: { code: string } }>(404, "storeManagerB", "PATCH", `/api/survey-links/${mine.id}`, {
      label: "Mine now",
    });
    expect(hidden.error.code).toBe("survey_link.not_found");
    await expectStatus(404, "storeManagerB", "GET", `/api/survey-links/${mine.id}/qr.svg`);
    await expectStatus(404, "storeManagerB", "GET", `/api/surveys/${storeSurvey.id}/links`);
    await expectStatus(404, "storeManagerB", "POST", `/api/surveys/${storeSurvey.id}/links`, { label: "Sneaky" });
  });

  it("keeps organisation-wide links read-only to store staff and a store survey's links in its store", async () => {
    const shared = await createLink("admin", orgWide.id, { label: "Website" });
    const readOnly = await expectStatus<{ error: { code: string } }>(403, "store_manager", "PATCH", `/api/survey-links/${shared.id}`, {
      isActive: false,
    });
    expect(readOnly.error.code).toBe("survey_link.read_only");
    const outside = await expectStatus<{ error: { code: string; field: string } }>(400, "store_manager", "POST", `/api/surveys/${orgWide.id}/links`, {
      label: "For B",
      storeId: org.storeB,
    });
    expect(outside.error).toMatchObject({ code: "survey.store_out_of_scope", field: "storeId" });
    const mismatch = await expectStatus<{ error: { code: string; field: string } }>(400, "admin", "POST", `/api/surveys/${storeSurvey.id}/links`, {
      label: "Wrong store",
      storeId: org.storeB,
    });
    expect(mismatch.error).toMatchObject({ code: "survey_link.store_mismatch", field: "storeId" });
    const ofStore = await createLink("admin", storeSurvey.id, { label: "Counter A" });
    expect(ofStore.storeId).toBe(org.storeA);
    const missingLabel = await expectStatus<{ error: { field: string } }>(400, "admin", "POST", `/api/surveys/${orgWide.id}/links`, {});
    expect(missingLabel.error.field).toBe("label");
  });

  it("asks survey.distribute to make or change links and survey.read to list them or download codes", async () => {
    const link = await createLink("store_manager", storeSurvey.id, { label: "Till 1" });
    const refused = await expectStatus<{ error: { code: string } }>(403, "agent", "POST", `/api/surveys/${storeSurvey.id}/links`, {
      label: "Agent's",
    });
    expect(refused.error.code).toBe("auth.forbidden");
    await expectStatus(403, "agent", "PATCH", `/api/survey-links/${link.id}`, { label: "Agent's" });
    expect(await linkIds("agent", storeSurvey.id)).toContain(link.id);
    expect((await call("agent", "GET", `/api/survey-links/${link.id}/qr.png`)).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: `/api/survey-links/${link.id}/qr.svg` })).statusCode).toBe(401);
  });

  it("renames and switches a link off and on, its slug unchanged, counting the answers it brought", async () => {
    const link = await createLink("admin", storeSurvey.id, { label: "Door" });
    await expectStatus(200, "admin", "POST", `/api/surveys/${storeSurvey.id}/publish`);
    await insertResponse(database.db, {
      orgId: org.orgId,
      surveyId: storeSurvey.id,
      version: 1,
      linkId: link.id,
      storeId: org.storeA,
      answers: { overall: 5, recommend: 9, visit: "first" },
    });
    const off = await expectStatus<SurveyLink>(200, "store_manager", "PATCH", `/api/survey-links/${link.id}`, {
      label: "Front door",
      isActive: false,
    });
    expect(off).toMatchObject({ id: link.id, slug: link.slug, label: "Front door", isActive: false, responseCount: 1 });
    const on = await expectStatus<SurveyLink>(200, "store_manager", "PATCH", `/api/survey-links/${link.id}`, { isActive: true });
    expect(on).toMatchObject({ label: "Front door", isActive: true });
    const listed = await expectStatus<SurveyLinkList>(200, "agent", "GET", `/api/surveys/${storeSurvey.id}/links`);
    expect(listed.items.find((item) => item.id === link.id)?.responseCount).toBe(1);
  });

  describe("QR codes", () => {
    let link: SurveyLink;
    let url: string;
    beforeAll(async () => {
      link = await createLink("admin", orgWide.id, { label: "Print" });
      url = `${publicUrl}/s/${link.slug}`;
      expect(url).toMatch(/^http:\/\/localhost:\d+\/s\/[0-9A-Za-z]{10}$/);
    });

    it("downloads an SVG that draws the QR code of the link's public URL", async () => {
      const response = await call("agent", "GET", `/api/survey-links/${link.id}/qr.svg`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^image\/svg\+xml/);
      expect(response.headers["content-disposition"]).toBe(`attachment; filename="kexin-survey-${link.slug}.svg"`);
      expect(response.body.trimStart()).toMatch(/^<svg[\s>][\s\S]*<\/svg>\s*$/);
      const drawn = modulesOfSvg(response.body, 4);
      expect(drawn.size).toBeGreaterThan(100);
      expect(drawn).toEqual(modulesOfText(url));
      expect(drawn).not.toEqual(modulesOfText(`${url}x`));
    });

    it("downloads a PNG of the asked size encoding the same URL", async () => {
      const response = await call("agent", "GET", `/api/survey-links/${link.id}/qr.png?size=300`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers["content-type"]).toBe("image/png");
      expect(response.headers["content-disposition"]).toBe(`attachment; filename="kexin-survey-${link.slug}.png"`);
      const png = response.rawPayload;
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.readUInt32BE(16)).toBe(300);
      expect(png.readUInt32BE(20)).toBe(300);
      const expected = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 4, width: 300 });
      expect(png.equals(expected)).toBe(true);

      const standard = await call("agent", "GET", `/api/survey-links/${link.id}/qr.png`);
      expect(standard.rawPayload.readUInt32BE(16)).toBe(512);
      const tooBig = await expectStatus<{ error: { field: string } }>(400, "agent", "GET", `/api/survey-links/${link.id}/qr.png?size=99999`);
      expect(tooBig.error.field).toBe("size");
    });

    it("answers 404 for a link that does not exist", async () => {
      await expectStatus(404, "admin", "GET", "/api/survey-links/3f2b9c1e-0000-4000-8000-000000000000/qr.png");
    });
  });
});
