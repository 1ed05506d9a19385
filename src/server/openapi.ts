/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
import { z } from "zod";
import { errorCodes } from "./errors.ts";
import type { AnyRoute } from "./route.ts";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

const toSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

function parameters(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const json = toSchema(schema);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (json.required ?? []).includes(name),
    schema: property,
  }));
}

/** JSON, or for multipart routes the form's text fields plus the file as binary. */
function requestContent(route: AnyRoute, body: z.ZodType) {
  const schema = toSchema(body);
  if (!route.multipart) return { "application/json": { schema } };
  const { fileField } = route.multipart;
  const properties = { ...schema.properties, [fileField]: { type: "string", format: "binary" } };
  const required = [...(schema.required ?? []), fileField];
  return { "multipart/form-data": { schema: { ...schema, properties, required } } };
}

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "fields"],
      properties: {
        code: { type: "string", enum: Object.keys(errorCodes) },
        message: { type: "string" },
        fields: {
          type: "array",
          items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } },
        },
      },
    },
  },
};

export function buildOpenApi(routes: readonly AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
    const success = route.response.schema
      ? {
          content: {
            [route.response.contentType ?? "application/json"]: { schema: toSchema(route.response.schema) },
          },
        }
      : route.response.contentType
        ? { content: { [route.response.contentType]: { schema: { type: "string" } } } }
        : {};
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      "x-steward-access": route.access,
      security: route.access === "public" ? [] : [{ session: [] }],
      parameters: [...parameters(route.params, "path"), ...parameters(route.query, "query")],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: requestContent(route, route.body),
            },
          }
        : {}),
      responses: {
        [String(route.response.status)]: { description: "Success", ...success },
        default: { description: "Error", content: { "application/json": { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Steward API", version: "1" },
    components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "steward_session" } } },
    paths,
  };
}
