// The OpenAPI 3.1 document of /api/v1. Request and response schemas are generated from the zod
// schemas the route handlers parse with, so the document cannot drift from what they accept.
import { z } from "zod";

import { API_SCOPES, type ApiScope } from "@/lib/auth/api-key-secret";
import { MAX_SESSION_SECONDS } from "@/lib/domain/session-time";
import {
  balanceQuerySchema,
  customerBalanceSchema,
  endSessionInputSchema,
  recordSessionInputSchema,
  sessionResourceSchema,
  startSessionInputSchema,
} from "@/lib/validations/sessions-api";

import { IDEMPOTENCY_KEY_HEADER } from "./idempotency";

type JsonSchema = Record<string, unknown>;

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  security: Record<string, string[]>[];
  parameters?: Record<string, unknown>[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: JsonSchema }> }
  >;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  paths: Record<string, Partial<Record<"get" | "post", Operation>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // The document declares its dialect once (OpenAPI 3.1 uses JSON Schema 2020-12).
  const generated: JsonSchema = { ...z.toJSONSchema(schema, { io, unrepresentable: "any" }) };
  delete generated.$schema;

  return generated;
}

// The record schema checks the start and the duration in recordSession, after parsing, so that
// each gets its own message. The document states those rules as JSON Schema.
function recordInputDocument(): JsonSchema {
  const schema = schemaOf(recordSessionInputSchema, "input");
  const properties = schema.properties as Record<string, JsonSchema>;
  const required = (schema.required as string[] | undefined) ?? [];

  return {
    ...schema,
    required: [...new Set([...required, "startedAt"])],
    properties: {
      ...properties,
      durationSeconds: {
        ...properties.durationSeconds,
        type: "integer",
        minimum: 0,
        maximum: MAX_SESSION_SECONDS,
      },
    },
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });

// Error reasons (`error.reason`) each status can carry, shared by all endpoints.
const commonErrors: Record<string, string[]> = {
  "400": ["validation.invalidRequest", "api.invalidJson"],
  "401": ["api.keyMissing", "api.keyInvalid", "api.keyRevoked"],
  "403": ["api.scopeMissing"],
};

// Only writes have a body.
const bodyErrors: Record<string, string[]> = {
  "413": ["api.bodyTooLarge"],
  "415": ["api.contentTypeNotJson"],
};

function errorResponses(extra: Record<string, string[]>) {
  const statuses = [...new Set([...Object.keys(commonErrors), ...Object.keys(extra)])].sort();

  return Object.fromEntries(
    statuses.map((status) => {
      const reasons = [...(commonErrors[status] ?? []), ...(extra[status] ?? [])];

      return [
        status,
        {
          description: `Error. Reasons: ${reasons.map((reason) => `\`${reason}\``).join(", ")}.`,
          content: json(ref("Error")),
        },
      ];
    }),
  );
}

function write(options: {
  operationId: string;
  summary: string;
  description: string;
  input: string;
  success: Record<string, string>;
  errors: Record<string, string[]>;
}): Operation {
  const idempotency = {
    "400": ["api.idempotencyKeyInvalid"],
    "409": ["api.idempotencyKeyReused", "api.idempotencyKeyInProgress"],
  };
  const merged: Record<string, string[]> = { ...options.errors, ...bodyErrors };
  for (const [status, reasons] of Object.entries(idempotency)) {
    merged[status] = [...(merged[status] ?? []), ...reasons];
  }

  return {
    operationId: options.operationId,
    summary: options.summary,
    description: options.description,
    security: [{ apiKey: ["sessions:write" satisfies ApiScope] }],
    parameters: [
      {
        name: IDEMPOTENCY_KEY_HEADER,
        in: "header",
        required: false,
        description:
          "Client-chosen key, up to 255 printable ASCII characters. A retry with the same key " +
          "and body within 24 hours returns the first response with Idempotent-Replayed: true.",
        schema: { type: "string", maxLength: 255 },
      },
    ],
    requestBody: { required: true, content: json(ref(options.input)) },
    responses: {
      ...Object.fromEntries(
        Object.entries(options.success).map(([status, description]) => [
          status,
          { description, content: json(ref("SessionResource")) },
        ]),
      ),
      ...errorResponses(merged),
    },
  };
}

const sessionErrors = {
  "400": [
    "session.startInFuture",
    "session.startTooOld",
    "session.tooLong",
    "session.endInFuture",
    "session.endBeforeStart",
    "session.invalidTime",
  ],
};

export const openApiDocument: OpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Assist Billing API",
    version: "1.0.0",
    description:
      "Start, end and record remote-assistance sessions, and read a customer's residual " +
      "minutes. Dates are ISO 8601 with a time zone offset. Errors are JSON objects whose " +
      "`error.reason` is stable and whose `error.message` is in the language of the " +
      "Accept-Language header (it or en, Italian by default). A path without an endpoint is " +
      "404 `api.pathNotFound`, and a method an endpoint lacks is 405 `api.methodNotAllowed`.",
  },
  paths: {
    "/api/v1/sessions/start": {
      post: write({
        operationId: "startSession",
        summary: "Start a session",
        description:
          "Starting a code that already exists returns that session unchanged (200), unless the " +
          "request names another customer (409).",
        input: "StartSessionInput",
        success: { "201": "Session started.", "200": "A session with this code already exists." },
        errors: {
          ...sessionErrors,
          "404": ["session.unknownCustomerCode"],
          "409": ["session.codeOfOtherCustomer"],
        },
      }),
    },
    "/api/v1/sessions/end": {
      post: write({
        operationId: "endSession",
        summary: "End a running session and charge it",
        description: "Ending a closed session returns it unchanged and charges nothing.",
        input: "EndSessionInput",
        success: { "200": "Session closed, or already closed." },
        errors: { ...sessionErrors, "404": ["session.unknownCode"] },
      }),
    },
    "/api/v1/sessions": {
      post: write({
        operationId: "recordSession",
        summary: "Record a finished session and charge it",
        description:
          "Recording a code that exists returns that session: a closed one unchanged, a running " +
          "one closed at this end. A session is charged once whatever the retries.",
        input: "RecordSessionInput",
        success: { "201": "Session recorded.", "200": "A session with this code already exists." },
        errors: {
          "400": [
            ...sessionErrors["400"],
            "session.startMissing",
            "session.endMissing",
            "session.invalidDuration",
            "session.durationMismatch",
          ],
          "404": ["session.unknownCustomerCode"],
          "409": ["session.codeOfOtherCustomer"],
        },
      }),
    },
    "/api/v1/balance": {
      get: {
        operationId: "getBalance",
        summary: "Read a customer's residual minutes",
        description: "Send exactly one of customerCode and deviceId.",
        security: [{ apiKey: ["balance:read" satisfies ApiScope] }],
        parameters: Object.entries(
          (schemaOf(balanceQuerySchema, "input").properties ?? {}) as Record<string, JsonSchema>,
        ).map(([name, schema]) => ({ name, in: "query", required: false, schema })),
        responses: {
          "200": { description: "The customer's balance.", content: json(ref("CustomerBalance")) },
          ...errorResponses({
            "400": ["api.balanceQueryInvalid"],
            "404": ["api.customerNotFound", "api.deviceNotFound"],
          }),
        },
      },
    },
  },
  components: {
    schemas: {
      StartSessionInput: schemaOf(startSessionInputSchema, "input"),
      EndSessionInput: schemaOf(endSessionInputSchema, "input"),
      RecordSessionInput: recordInputDocument(),
      SessionResource: schemaOf(sessionResourceSchema, "output"),
      CustomerBalance: schemaOf(customerBalanceSchema, "output"),
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "reason", "message"],
            properties: {
              code: {
                type: "string",
                enum: [
                  "VALIDATION",
                  "UNAUTHENTICATED",
                  "FORBIDDEN",
                  "NOT_FOUND",
                  "METHOD_NOT_ALLOWED",
                  "CONFLICT",
                  "PAYLOAD_TOO_LARGE",
                  "UNSUPPORTED_FILE",
                  "INTERNAL",
                ],
              },
              reason: {
                type: "string",
                description: "Stable identifier, e.g. session.unknownCode.",
              },
              message: { type: "string", description: "Translated text for people." },
              fields: {
                type: "array",
                items: {
                  type: "object",
                  required: ["field", "message"],
                  properties: { field: { type: "string" }, message: { type: "string" } },
                },
              },
            },
          },
        },
      },
    },
    securitySchemes: {
      apiKey: {
        type: "http",
        scheme: "bearer",
        description:
          `An API key created by an administrator, sent as Authorization: Bearer ab_<prefix>_<secret>. ` +
          `Scopes: ${API_SCOPES.join(", ")}.`,
      },
    },
  },
};
