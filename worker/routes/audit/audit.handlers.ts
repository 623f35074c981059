import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, gte, lt } from "drizzle-orm";
import { requireRole } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { createDb, inJsonList } from "../../db/client";
import { keysetParts, pageOf } from "../../db/pagination";
import { auditLog } from "../../db/tables";
import { exportList } from "../../export/list-export";
import type * as routes from "./audit.routes";

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const q = c.req.valid("query");
  const db = createDb(c.env.DB);
  // One page; the CSV/XLSX export walks all of them with the same filters.
  const listPage = async (cursor: string | undefined, limit: number) => {
    const { after, orderBy } = keysetParts({ column: auditLog.id, idColumn: auditLog.id, descending: true }, cursor);
    const nextDay = (d: string) => new Date(Date.parse(d + "T00:00:00Z") + 86_400_000).toISOString().slice(0, 10);
    const rows = await db
      .select()
      .from(auditLog)
      .where(
        and(
          viewer.role === "coordinator" ? inJsonList(auditLog.regionCode, [...viewer.scope!]) : undefined,
          q.entity ? eq(auditLog.entity, q.entity) : undefined,
          q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
          q.actor ? eq(auditLog.actor, q.actor) : undefined,
          q.from ? gte(auditLog.at, q.from) : undefined,
          q.to ? lt(auditLog.at, nextDay(q.to)) : undefined,
          after,
        ),
      )
      .orderBy(...orderBy)
      .limit(limit + 1);
    const page = pageOf(rows, limit, (r) => r.id, (r) => r.id);
    return { data: page.data.map((r) => ({ ...r, detail: r.detail ? JSON.parse(r.detail) : null })), nextCursor: page.nextCursor };
  };
  if (q.format !== "json") return exportList(c, "audit", { format: q.format, locale: q.locale }, listPage);
  return c.json(await listPage(q.cursor, q.limit), 200);
};
