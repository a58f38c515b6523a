/** A Kexin web app on a test database, driven through fastify.inject (no sockets), with sign-in per role. */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { loadConfig, type Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { buildApp } from "../http/app.ts";
import { TEST_PASSWORD } from "./factories.ts";

export async function buildTestApp(database: Database, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  const config = {
    ...loadConfig({ KEXIN_LOG_LEVEL: "silent", KEXIN_LOGIN_RATE_LIMIT: "1000" }),
    webDistDir: "/nonexistent",
    ...overrides,
  };
  return buildApp({ db: database.db, config, databaseKind: database.kind });
}

/** Signs in and returns the Cookie header to send with later requests. */
export async function signInAs(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "kexin_session");
  return `kexin_session=${cookie?.value}`;
}

export const json = <T,>(response: LightMyRequestResponse): T => response.json() as T;
