/**
 * @module
 * Region handlers. States and districts are reference data; only custom regions are created or
 * removed through the API, and only by admins.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, isNull, like, sql } from "drizzle-orm";
import { requireRole } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, notFound, unknownReference } from "../../lib/errors";
import { auditInsert } from "../../db/audit";
import { bumpRevisions } from "../../db/revisions";
import { createDb, nowIso } from "../../db/client";
import { keysetParts, pageOf, parseSort } from "../../db/pagination";
import { regions } from "../../db/tables";
import { exportList } from "../../export/list-export";
import type * as routes from "./regions.routes";

type Row = typeof regions.$inferSelect;

export function toRegion(r: Row) {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentCode: r.parentCode,
    population: r.population,
    nuts3: r.nuts3,
    boundaryVintage: r.boundaryVintage,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function findRegion(db: ReturnType<typeof createDb>, code: string) {
  const [row] = await db.select().from(regions).where(and(eq(regions.code, code), isNull(regions.deletedAt)));
  return row;
}

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const q = c.req.valid("query");
  const db = createDb(c.env.DB);
  const sort = parseSort(q.sort, { code: regions.code, name: regions.name, population: sql`coalesce(${regions.population}, 0)` }, "code", regions.code);
  // One page; the CSV/XLSX export walks all of them with the same filters.
  const listPage = async (cursor: string | undefined, limit: number) => {
    const { after, orderBy } = keysetParts(sort, cursor);
    const rows = await db
      .select()
      .from(regions)
      .where(
        and(
          isNull(regions.deletedAt),
          q.kind ? eq(regions.kind, q.kind) : undefined,
          q.parent ? eq(regions.parentCode, q.parent) : undefined,
          q.q ? like(regions.name, `%${q.q}%`) : undefined,
          after,
        ),
      )
      .orderBy(...orderBy)
      .limit(limit + 1);
    const page = pageOf(rows, limit, (r) => (sort.key === "name" ? r.name : sort.key === "population" ? (r.population ?? 0) : r.code), (r) => r.code);
    return { data: page.data.map(toRegion), nextCursor: page.nextCursor };
  };
  if (q.format !== "json") return exportList(c, "regions", { format: q.format, locale: q.locale }, listPage);
  return c.json(await listPage(q.cursor, q.limit), 200);
};

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) => {
  const row = await findRegion(createDb(c.env.DB), c.req.valid("param").code);
  if (!row) throw notFound("Region");
  return c.json(toRegion(row), 200);
};

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  if (body.parentCode && !(await findRegion(db, body.parentCode))) {
    throw unknownReference("Unknown parent region", [{ path: "parentCode", message: `No region ${body.parentCode}` }]);
  }
  const [existing] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, body.code));
  if (existing) throw new ApiError(409, "conflict", `Region ${body.code} already exists`);
  const now = nowIso();
  await db.batch([
    db.insert(regions).values({
      code: body.code,
      name: body.name,
      kind: "custom",
      parentCode: body.parentCode ?? null,
      population: body.population ?? null,
      boundaryVintage: body.boundaryVintage ?? null,
      createdAt: now,
      updatedAt: now,
    }),
    auditInsert(db, viewer, { action: "create", entity: "regions", entityId: body.code, regionCode: body.code, detail: body }),
  ]);
  return c.json(toRegion((await findRegion(db, body.code))!), 201);
};

export const update: RouteHandler<typeof routes.update, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin");
  const { code } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const existing = await findRegion(db, code);
  if (!existing) throw notFound("Region");
  // States and districts are reference data: their population and boundary vintage may be
  // updated (new Destatis figures), their identity (name, parent) not.
  if (existing.kind !== "custom" && (body.name !== undefined || body.parentCode !== undefined)) {
    throw new ApiError(409, "conflict", "Name and parent of states and districts are reference data; only population and boundaryVintage can change");
  }
  if (body.parentCode) {
    if (body.parentCode === code) throw unknownReference("A region cannot be its own parent", [{ path: "parentCode", message: "Same as code" }]);
    if (!(await findRegion(db, body.parentCode))) {
      throw unknownReference("Unknown parent region", [{ path: "parentCode", message: `No region ${body.parentCode}` }]);
    }
    const below = await db.get<{ n: number }>(sql`WITH RECURSIVE sub(code) AS (SELECT ${code} UNION SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code)
      SELECT count(*) AS n FROM sub WHERE code = ${body.parentCode}`);
    if (below?.n) throw new ApiError(409, "conflict", `Region ${body.parentCode} lies within ${code}; a region cannot move below itself`, [{ path: "parentCode", message: "Lies within this region" }]);
  }
  // Before and after: a moved region marks its old and its new ancestors; population and name
  // feed the region's own figures.
  await db.batch([
    bumpRevisions(db, { regions: [code] }),
    db.update(regions).set({ ...body, updatedAt: nowIso() }).where(eq(regions.code, code)),
    auditInsert(db, viewer, { action: "update", entity: "regions", entityId: code, regionCode: code, detail: body }),
    bumpRevisions(db, { regions: [code] }),
  ]);
  return c.json(toRegion((await findRegion(db, code))!), 200);
};

export const remove: RouteHandler<typeof routes.remove, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin");
  const { code } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const row = await findRegion(db, code);
  if (!row) throw notFound("Region");
  if (row.kind !== "custom") throw new ApiError(409, "conflict", "States and districts are reference data and cannot be removed");
  const used = await c.env.DB.prepare(
    `SELECT (SELECT count(*) FROM organisations WHERE region_code = ?1 AND deleted_at IS NULL)
          + (SELECT count(*) FROM events WHERE region_code = ?1 AND deleted_at IS NULL)
          + (SELECT count(*) FROM cooperations WHERE region_code = ?1 AND deleted_at IS NULL)
          + (SELECT count(*) FROM regions WHERE parent_code = ?1 AND deleted_at IS NULL) AS n`,
  )
    .bind(code)
    .first<{ n: number }>();
  if (used && used.n > 0) throw new ApiError(409, "conflict", `Region ${code} is still referenced by ${used.n} records`);
  await db.batch([
    db.update(regions).set({ deletedAt: nowIso() }).where(eq(regions.code, code)),
    auditInsert(db, viewer, { action: "delete", entity: "regions", entityId: code, regionCode: code }),
  ]);
  return c.body(null, 204);
};
