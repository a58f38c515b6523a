import { Health } from "@kexin/contracts";
import { sql } from "kysely";
import { defineRoute } from "../route.ts";

export const healthRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/health",
    summary: "Liveness with a database round trip",
    tags: ["system"],
    access: "public",
    response: Health,
    handler: async ({ db, services }) => {
      await sql`select 1`.execute(db);
      return { status: "ok" as const, database: services.databaseKind };
    },
  }),
];
