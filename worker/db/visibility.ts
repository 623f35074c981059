/**
 * @module
 * Which records a caller may read, as SQL conditions every layer shares (routes, import, export),
 * so that a hidden record reads the same everywhere.
 */
import { eq, or, type SQL } from "drizzle-orm";
import { readsAllRecords, type Viewer } from "../lib/auth";
import { inJsonList } from "./client";
import { organisations } from "./tables";

/** Rows the viewer may read: funders and admins all, coordinators public + their regions, anonymous public only. */
export function visibleOrganisations(viewer: Viewer): SQL | undefined {
  if (readsAllRecords(viewer)) return undefined;
  if (viewer.role === "coordinator") return or(eq(organisations.isPublic, true), inJsonList(organisations.regionCode, [...viewer.scope!]));
  return eq(organisations.isPublic, true);
}
