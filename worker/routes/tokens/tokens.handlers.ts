/**
 * @module
 * Token management: secrets are random, returned once, stored as SHA-256 hashes.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, isNull, sql } from "drizzle-orm";
import { hashToken, newTokenSecret, requireRole } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { notFound, unknownReference } from "../../lib/errors";
import { auditInsert } from "../../db/audit";
import { createDb, inBatch, nowIso, type Db } from "../../db/client";
import { existingRegionCodes } from "../../db/lookups";
import { apiTokenRegions, apiTokens } from "../../db/tables";
import type * as routes from "./tokens.routes";

async function loadTokens(db: Db, id?: number) {
  const rows = await db.select().from(apiTokens).where(id ? eq(apiTokens.id, id) : undefined).orderBy(apiTokens.id);
  const scopes = await db.select().from(apiTokenRegions);
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    role: t.role,
    regions: scopes.filter((s) => s.tokenId === t.id).map((s) => s.regionCode),
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  }));
}

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  requireRole(c.get("viewer"), "admin");
  return c.json({ data: await loadTokens(createDb(c.env.DB)) }, 200);
};

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const found = await existingRegionCodes(db, body.regions);
  const missing = body.regions.map((code, i) => ({ code, i })).filter(({ code }) => !found.has(code));
  if (missing.length) throw unknownReference("Unknown region", missing.map(({ code, i }) => ({ path: `regions[${i}]`, message: `No region ${code}` })));
  const secret = newTokenSecret();
  const [inserted] = await db.batch([
    db.insert(apiTokens).values({ name: body.name, role: body.role, tokenHash: await hashToken(secret), createdAt: nowIso() }).returning({ id: apiTokens.id }),
    inBatch(db, db.run(sql`INSERT INTO api_token_regions (token_id, region_code) SELECT last_insert_rowid(), value FROM json_each(${JSON.stringify([...new Set(body.regions)])})`)),
    auditInsert(db, viewer, { action: "create", entity: "tokens", entityId: sql`(SELECT max(id) FROM api_tokens)`, detail: body }),
  ]);
  const [token] = await loadTokens(db, inserted[0].id);
  return c.json({ ...token, token: secret }, 201);
};

export const revoke: RouteHandler<typeof routes.revoke, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin");
  const { id } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const [row] = await db.select({ id: apiTokens.id }).from(apiTokens).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
  if (!row) throw notFound("Token");
  await db.batch([
    db.update(apiTokens).set({ revokedAt: nowIso() }).where(eq(apiTokens.id, id)),
    auditInsert(db, viewer, { action: "revoke", entity: "tokens", entityId: id }),
  ]);
  return c.body(null, 204);
};

export const me: RouteHandler<typeof routes.me, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  let regions: string[] = [];
  if (viewer.tokenId) {
    const rows = await createDb(c.env.DB).select().from(apiTokenRegions).where(eq(apiTokenRegions.tokenId, viewer.tokenId));
    regions = rows.map((r) => r.regionCode);
  }
  return c.json({ role: viewer.role, tokenId: viewer.tokenId, regions }, 200);
};
