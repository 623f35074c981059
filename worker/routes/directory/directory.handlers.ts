/**
 * @module
 * Directory handlers. The listing is public (what it shows is decided in worker/directory/); an
 * entry is edited by a coordinator of the organisation's region, or through its directory_edit
 * link (the link's subject is the entry's id; every failing link is the same 404).
 */
import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createDb } from "../../db/client";
import { auditInsert } from "../../db/audit";
import { DIRECTORY_CONSENT_TEXT, ensureEntry, ownEntryById, ownEntryOfOrganisation, saveEntry, type OwnEntry } from "../../directory/edit";
import { listDirectory } from "../../directory/entries";
import { anonymousViewer, assertCanWrite, type Viewer } from "../../lib/auth";
import { LINK_HEADER } from "../../lib/create-app";
import type { AppEnv } from "../../lib/env";
import { FixedWindowLimiter, rateLimited } from "../../lib/rate-limit";
import { issueLink, resolveLink, revokeLinks } from "../../links/capability";
import type * as routes from "./directory.routes";

/** Link opens per address and minute (guessing secrets is hopeless anyway; this keeps it quiet). */
export const directoryLinkLimiter = new FixedWindowLimiter(60, 60_000);

const withConsentText = (e: OwnEntry) => ({ ...e, consentText: DIRECTORY_CONSENT_TEXT });

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const q = c.req.valid("query");
  const db = createDb(c.env.DB);
  const { entries, truncated } = await listDirectory(db, { q: q.q, region: q.region, limit: q.limit, exactFigures: c.get("viewer").role !== "anonymous" });
  const regions = new Map<string, { code: string; name: string; entries: number }>();
  for (const e of entries) {
    const r = regions.get(e.regionCode) ?? { code: e.regionCode, name: e.regionName, entries: 0 };
    r.entries++;
    regions.set(e.regionCode, r);
  }
  return c.json({ entries, regions: [...regions.values()], truncated }, 200);
};

async function entryForCoordinator(c: Context<AppEnv>, organisationId: number) {
  const db = createDb(c.env.DB);
  const entry = await ownEntryOfOrganisation(db, organisationId);
  assertCanWrite(c.get("viewer"), entry.regionCode);
  return { db, entry };
}

export const getOwn: RouteHandler<typeof routes.getOwn, AppEnv> = async (c) => {
  const { entry } = await entryForCoordinator(c, c.req.valid("param").organisationId);
  return c.json(withConsentText(entry), 200);
};

export const putOwn: RouteHandler<typeof routes.putOwn, AppEnv> = async (c) => {
  const { db, entry } = await entryForCoordinator(c, c.req.valid("param").organisationId);
  return c.json(withConsentText(await saveEntry(db, c.get("viewer"), entry, c.req.valid("json"))), 200);
};

export const issueEditLink: RouteHandler<typeof routes.issueEditLink, AppEnv> = async (c) => {
  const { db, entry } = await entryForCoordinator(c, c.req.valid("param").organisationId);
  const entryId = entry.id ?? (await ensureEntry(db, entry.organisationId));
  const link = await issueLink(c.env.DB, "directory_edit", entryId);
  // The link and its audit row in one batch (the audit insert as a plain statement of the same batch).
  const audit = auditInsert(db, c.get("viewer"), { action: "issue_link", entity: "directory_entries", entityId: entry.organisationId, regionCode: entry.regionCode, detail: { purpose: "directory_edit", expiresAt: link.expiresAt } }).toSQL();
  await c.env.DB.batch([revokeLinks(c.env.DB, "directory_edit", entryId), link.statement, c.env.DB.prepare(audit.sql).bind(...audit.params)]);
  return c.json({ url: `${new URL(c.req.url).origin}/directory/edit#${link.secret}`, expiresAt: link.expiresAt }, 201);
};

async function entryByLink(c: Context<AppEnv>): Promise<{ entry: OwnEntry; viewer: Viewer }> {
  const address = c.req.header("CF-Connecting-IP") ?? "local";
  if (!directoryLinkLimiter.hit(address)) throw rateLimited(directoryLinkLimiter.retryAfter(address), "directory link requests from this address");
  const link = await resolveLink(c.env.DB, "directory_edit", c.req.header(LINK_HEADER) ?? "");
  const entry = await ownEntryById(createDb(c.env.DB), link.subjectId);
  return { entry, viewer: { ...anonymousViewer, actor: `link:${link.id}` } };
}

export const getByLink: RouteHandler<typeof routes.getByLink, AppEnv> = async (c) => {
  const { entry } = await entryByLink(c);
  return c.json(withConsentText(entry), 200);
};

export const putByLink: RouteHandler<typeof routes.putByLink, AppEnv> = async (c) => {
  const { entry, viewer } = await entryByLink(c);
  return c.json(withConsentText(await saveEntry(createDb(c.env.DB), viewer, entry, c.req.valid("json"))), 200);
};
