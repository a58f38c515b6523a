/** The OpenAPI document, generated from the same zod schemas that validate every request and response. */
import { z } from "zod";
import { ErrorBody } from "@kexin/contracts";
import type { AnyRoute } from "./route.ts";

const toJsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any" });

export function buildOpenApi(routes: AnyRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ["path", route.params],
      ["query", route.query],
    ] as const) {
      if (!schema || !(schema instanceof z.ZodObject)) continue;
      for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
        parameters.push({
          name,
          in: where,
          required: where === "path" || !field.safeParse(undefined).success,
          schema: toJsonSchema(field, "input"),
        });
      }
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: route.tags,
      ...(route.access !== "public" && { security: [{ session: [] }], "x-permission": route.access }),
      ...(parameters.length && { parameters }),
      ...(route.body && {
        requestBody: { required: true, content: { "application/json": { schema: toJsonSchema(route.body, "input") } } },
      }),
      responses: {
        [String(route.status ?? (route.response ? 200 : 204))]: route.response
          ? { description: "OK", content: { "application/json": { schema: toJsonSchema(route.response, "output") } } }
          : { description: "a file or no content" },
        "4XX": { description: "error", content: { "application/json": { schema: toJsonSchema(ErrorBody, "output") } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Kexin API", version: "0.1.0", description: "Customer satisfaction, trust and loyalty" },
    components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "kexin_session" } } },
    paths,
  };
}
