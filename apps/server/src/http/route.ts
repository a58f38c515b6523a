/**
 * How a route is written: parse (zod) → authorise → one use case → present. `defineRoute` makes the permission
 * mandatory, so no route can forget it; `registerRoutes` enforces it and validates both directions.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Config } from "../config.ts";
import type { DB } from "../db/schema.ts";
import type { Actor } from "../domain/auth/actor.ts";
import type { Permission } from "../domain/auth/authorize.ts";
import type { Mailer } from "../domain/mail/mailer.ts";

export interface Services {
  db: Kysely<DB>;
  config: Config;
  databaseKind: string;
  /** Outgoing email (SMTP or the .eml outbox, per config); buildApp makes one when none is given. */
  mailer: Mailer;
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B, A> {
  services: Services;
  db: Kysely<DB>;
  actor: A;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** "public": anyone; "signed-in": any signed-in user; otherwise a permission from authorize.ts. */
export type Access = "public" | "signed-in" | Permission;

export interface RouteDefinition<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | null = Schema | null,
  A extends Access = Access,
> {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  url: string;
  summary: string;
  tags: string[];
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** The response schema; null when the route streams a file or an empty 204. */
  response: R;
  status?: number;
  /** Requests per client IP per window; `max` may be read from the configuration. */
  rateLimit?: { max: number | ((config: Config) => number); timeWindow: string };
  /** For a script-free HTML form: the page to answer 429 with, instead of the JSON error. */
  rateLimitedPage?: (request: FastifyRequest) => string;
  /** Largest request body in bytes, when smaller than the app's 1 MB (public routes); larger answers 413. */
  bodyLimit?: number;
  handler(
    context: RouteContext<Out<P>, Out<Q>, Out<B>, A extends "public" ? Actor | undefined : Actor>,
  ): Promise<R extends z.ZodType ? z.input<R> : unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the list holds routes of many shapes
export type AnyRoute = RouteDefinition<any, any, any, any, any>;

export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | null = null,
  A extends Access = Access,
>(definition: RouteDefinition<P, Q, B, R, A>): RouteDefinition<P, Q, B, R, A> {
  return definition;
}
