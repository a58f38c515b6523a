/**
 * Which page the server sends: the respondent page (its own small bundle) for public links and invitations, the
 * dashboard for every other path, JSON 404s under /api. Routing does not touch the database, so PGlite alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { buildTestApp } from "../testing/test-app.ts";
import { testDatabaseKinds } from "../testing/test-database.ts";

describe("respondent page routing", () => {
  let database: Database;
  let app: FastifyInstance;
  let webDistDir: string;
  const get = (url: string) => app.inject({ method: "GET", url });

  beforeAll(async () => {
    webDistDir = mkdtempSync(join(tmpdir(), "kexin-dist-"));
    writeFileSync(join(webDistDir, "index.html"), "<!doctype html><title>dashboard</title>");
    writeFileSync(join(webDistDir, "respond.html"), "<!doctype html><title>respond</title>");
    database = await testDatabaseKinds[0].create();
    app = await buildTestApp(database, { webDistDir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(webDistDir, { recursive: true, force: true });
  });

  it.each(["/s/Ab3dE5gH7k", "/s/Ab3dE5gH7k/", "/s/Ab3dE5gH7k?lang=en", `/r/${"a".repeat(43)}`, "/r/whatever?lang=zh-TW"])(
    "sends the respondent page for %s",
    async (url) => {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(/text\/html/);
      expect(response.body).toContain("<title>respond</title>");
      // An invitation token in the address must not leak to other sites through the Referer header.
      expect(response.headers["referrer-policy"]).toBe("same-origin");
    },
  );

  it.each(["/", "/customers", "/surveys/123/report", "/s", "/s/", "/s/abc/extra", "/respond", "/sx/abc"])(
    "keeps the dashboard for %s",
    async (url) => {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("<title>dashboard</title>");
    },
  );

  it("answers unknown API paths and other methods with a JSON 404", async () => {
    const api = await get("/api/s/abc");
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: "route.not_found" } });
    const post = await app.inject({ method: "POST", url: "/s/abc" });
    expect(post.statusCode).toBe(404);
  });
});
