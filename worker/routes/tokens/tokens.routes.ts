/**
 * @module
 * API tokens (admin only) and "who am I".
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { errorResponses, IdParam, jsonBody, jsonContent, Line } from "../../lib/schemas";

export const TokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: z.enum(["admin", "coordinator", "funder"]),
    regions: z.array(z.string()),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi("Token");

export const TokenCreate = z
  .strictObject({
    name: Line(200).min(1),
    role: z.enum(["admin", "coordinator", "funder"]),
    regions: z.array(z.string().min(1).max(32)).max(100).default([]).openapi({ description: "Coordinator scope (required for coordinators); includes sub-regions" }),
  })
  .refine((t) => t.role !== "coordinator" || t.regions.length > 0, { message: "A coordinator token needs at least one region", path: ["regions"] })
  .refine((t) => t.role === "coordinator" || t.regions.length === 0, { message: "Only coordinator tokens are scoped to regions", path: ["regions"] })
  .openapi("TokenCreate");

const tags = ["Access"];

export const list = createRoute({
  method: "get",
  path: "/tokens",
  operationId: "listTokens",
  security: onlyFor("admin"),
  tags,
  summary: "List tokens (admin)",
  responses: { 200: jsonContent(z.object({ data: z.array(TokenSchema) }), "Tokens"), ...errorResponses(401, 403) },
});

export const create = createRoute({
  method: "post",
  path: "/tokens",
  operationId: "createToken",
  tags,
  summary: "Create a token (admin); the secret is shown only in this response",
  request: { body: jsonBody(TokenCreate) },
  responses: {
    201: jsonContent(TokenSchema.extend({ token: z.string().openapi({ description: "The bearer secret; store it now" }) }), "Created"),
    ...errorResponses(400, 401, 403, 415, 422),
  },
});

export const revoke = createRoute({
  method: "delete",
  path: "/tokens/{id}",
  operationId: "deleteToken",
  tags,
  summary: "Revoke a token (admin)",
  request: { params: IdParam },
  responses: { 204: { description: "Revoked" }, ...errorResponses(401, 403, 404) },
});

export const me = createRoute({
  method: "get",
  path: "/me",
  operationId: "getMe",
  tags,
  summary: "The caller's role and regions",
  responses: {
    200: jsonContent(
      z
        .object({ role: z.enum(["admin", "coordinator", "funder", "anonymous"]), tokenId: z.number().int().nullable(), regions: z.array(z.string()) })
        .openapi("Caller", { example: { role: "coordinator", tokenId: 7, regions: ["05113", "05112"] } }),
      "Caller",
    ),
    ...errorResponses(401),
  },
});
