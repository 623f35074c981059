/**
 * @module
 * Which records a caller may read, as SQL conditions every layer shares (routes, import, export),
 * so that a hidden record reads the same everywhere.
 */
import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import { readsAllRecords, seesDetail, type Viewer } from "../lib/auth";
import { notFound } from "../lib/errors";
import { inJsonList, type Db } from "./client";
import { organisations } from "./tables";

/** Rows the viewer may read: funders and admins all, coordinators public + their regions, anonymous public only. */
export function visibleOrganisations(viewer: Viewer): SQL | undefined {
  if (readsAllRecords(viewer)) return undefined;
  if (viewer.role === "coordinator") return or(eq(organisations.isPublic, true), inJsonList(organisations.regionCode, [...viewer.scope!]));
  return eq(organisations.isPublic, true);
}

/** The organisation if it exists and the viewer may read it; a hidden one is a 404 like an unknown one. */
export async function findOrganisation(db: Db, viewer: Viewer, id: number): Promise<typeof organisations.$inferSelect> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.deletedAt), visibleOrganisations(viewer)));
  if (!row) throw notFound("Organisation");
  return row;
}

/** Name of an organisation as the viewer may see it in a network (non-public ones are masked for outsiders). */
export function visibleName(viewer: Viewer, o: { name: string; isPublic: boolean | number; regionCode: string; id?: number; organisationId?: number }) {
  if (readsAllRecords(viewer) || o.isPublic || seesDetail(viewer, o.regionCode)) return o.name;
  return `(nicht öffentlich #${o.id ?? o.organisationId})`;
}
