/**
 * The only reader of process.env. Validated once at boot; every problem is listed, then the process exits.
 * Defaults make `npm start` work on a fresh machine: embedded PGlite in ./.kexin-data, port 3000.
 */
import { resolve } from "node:path";
import { z } from "zod";

const Environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|pglite:|memory:)/, "must start with postgres://, pglite: or memory:")
    .optional(),
  KEXIN_DATA_DIR: z.string().default(".kexin-data"),
  KEXIN_DEMO: z.enum(["auto", "never"]).default("auto"),
  KEXIN_COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  KEXIN_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  KEXIN_WEB_DIST: z.string().default("apps/web/dist"),
  KEXIN_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
  KEXIN_PUBLIC_URL: z.url().optional(),
  KEXIN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  KEXIN_MAIL_FROM: z.string().default("Kexin <no-reply@kexin.localhost>"),
  KEXIN_MESSAGE_OUTBOX_DIR: z.string().optional(),
  KEXIN_SUBMIT_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  KEXIN_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  KEXIN_INBOUND_EMAIL_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  KEXIN_TEST_HOOKS: z.enum(["true", "false"]).default("false"),
  KEXIN_WORKER: z.enum(["inline", "off"]).default("inline"),
});

export interface Config {
  port: number;
  host: string;
  /** postgres://… for PostgreSQL; pglite:<dir> for embedded PGlite on disk; memory: for an in-memory PGlite. */
  databaseUrl: string;
  isDemoSeededOnFirstStart: boolean;
  isCookieSecure: boolean | "auto";
  loginAttemptsPerMinute: number;
  webDistDir: string;
  logLevel: string;
  /** Origin respondents and emails use for links (QR codes, invitations); defaults to this server's address. */
  publicUrl: string;
  /** SMTP server for email; without one, messages are written as .eml files to `outboxDir` (offline use). */
  smtpUrl: string | null;
  mailFrom: string;
  outboxDir: string;
  /** SMS and WeChat greetings are written here as JSON lines for a gateway to pick up (no gateway is built in). */
  messageOutboxDir: string;
  /** Public survey submissions (and draft saves) per IP per minute. */
  submissionsPerMinute: number;
  /** Attempts per invitation token per minute. */
  tokenAttemptsPerMinute: number;
  /** The shared secret a mail server sends (header X-Kexin-Inbound-Secret) with inbound complaint emails; none: off. */
  inboundEmailSecret: string | null;
  /** Test-only hooks (e.g. running the escalation sweep at a chosen clock); never on in production. */
  isTestHooksEnabled: boolean;
  /**
   * "inline": the web process also runs background jobs (required on the embedded database, which one process owns);
   * "off": only `kexin worker` processes run them (PostgreSQL, any number of workers).
   */
  worker: "inline" | "off";
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Environment.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Kexin cannot start, the configuration has problems:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL ?? `pglite:${resolve(env.KEXIN_DATA_DIR, "db")}`,
    isDemoSeededOnFirstStart: env.KEXIN_DEMO === "auto",
    isCookieSecure: env.KEXIN_COOKIE_SECURE === "auto" ? "auto" : env.KEXIN_COOKIE_SECURE === "true",
    loginAttemptsPerMinute: env.KEXIN_LOGIN_RATE_LIMIT,
    webDistDir: resolve(env.KEXIN_WEB_DIST),
    logLevel: env.KEXIN_LOG_LEVEL,
    publicUrl: (env.KEXIN_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    smtpUrl: env.KEXIN_SMTP_URL ?? null,
    mailFrom: env.KEXIN_MAIL_FROM,
    outboxDir: resolve(env.KEXIN_DATA_DIR, "outbox"),
    messageOutboxDir: resolve(env.KEXIN_MESSAGE_OUTBOX_DIR ?? resolve(env.KEXIN_DATA_DIR, "messages")),
    submissionsPerMinute: env.KEXIN_SUBMIT_RATE_LIMIT,
    tokenAttemptsPerMinute: env.KEXIN_TOKEN_RATE_LIMIT,
    inboundEmailSecret: env.KEXIN_INBOUND_EMAIL_SECRET ?? null,
    isTestHooksEnabled: env.KEXIN_TEST_HOOKS === "true",
    worker: env.KEXIN_WORKER,
  };
}
