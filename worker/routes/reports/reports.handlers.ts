/**
 * @module
 * Report handlers: the stored report (worker/reports/store.ts) as JSON.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { createDb } from "../../db/client";
import type { AppEnv } from "../../lib/env";
import { assertScope } from "../../db/lookups";
import { latestReport, pinnedReport, type ServedReport } from "../../reports/store";
import type * as routes from "./reports.routes";

/** The JSON of a served report (also embedded in the report page). */
export function reportBody(s: ServedReport) {
  const r = s.report;
  return {
    id: r.id,
    permanentUrl: `/reports/${encodeURIComponent(r.regionCode)}/${r.year}/r${r.id}`,
    latestUrl: `/reports/${encodeURIComponent(r.regionCode)}?year=${r.year}`,
    latestId: s.latestId,
    newerData: s.newerData,
    dataRevision: r.dataRevision,
    asOf: r.asOf,
    createdAt: r.createdAt,
    contentHash: r.contentHash,
    figures: r.figures,
  };
}

export const report: RouteHandler<typeof routes.report, AppEnv> = async (c) => {
  const { code } = c.req.valid("param");
  const { year, revision } = c.req.valid("query");
  const db = createDb(c.env.DB);
  await assertScope(db, code);
  const served = revision === undefined ? await latestReport(db, c.get("publicApi"), code, year) : await pinnedReport(db, code, year, revision);
  // A pinned report's figures never change, but whether newer data exists does; the latest may change with the next write.
  const cache = revision === undefined ? "no-cache" : "public, max-age=300";
  return c.json(reportBody(served) as never, 200, { "Cache-Control": cache });
};
