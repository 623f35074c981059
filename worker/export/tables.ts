/**
 * @module
 * How each list resource becomes a table. Organisations, events and cooperations use exactly
 * the import's column headers and value words (German labels or API keys), so an exported file
 * can be imported again unchanged; IDs are included so the import finds every record.
 */
import { and, isNull, sql } from "drizzle-orm";
import type { Viewer } from "../lib/auth";
import { inJsonList, type Db } from "../db/client";
import { events, organisations } from "../db/tables";
import { visibleOrganisations } from "../db/visibility";
import { columnsOf, type ImportType } from "../import/columns";
import { CONTRIBUTION_TYPES, COOPERATION_STATUSES, EVENT_KINDS, ORGANISATION_KINDS, SIZE_CLASSES, type Vocabulary } from "../import/vocabulary";
import type { ExportCell, ExportLocale } from "./cells";

export const EXPORT_RESOURCES = ["organisations", "events", "cooperations", "regions", "audit"] as const;
export type ExportResource = (typeof EXPORT_RESOURCES)[number];

export interface TableContext {
  db: Db;
  viewer: Viewer;
  locale: ExportLocale;
}

export interface TableSpec {
  /** File name stem and sheet name per locale. */
  title: Record<ExportLocale, string>;
  header(locale: ExportLocale): string[];
  widths?: number[];
  /** API objects of one page → rows (may look up names for the page in one query). */
  rows(items: unknown[], ctx: TableContext): Promise<ExportCell[][]>;
}

const word = <K extends string>(v: Vocabulary<K>, key: K | null | undefined, locale: ExportLocale) => (key == null ? null : locale === "de" ? v.labels[key] : key);
const date = (d: string | null | undefined): ExportCell => (d ? { date: d } : null);
const list = (values: (string | number)[]) => (values.length ? values.join(" | ") : null);
const importHeader = (type: ImportType) => (locale: ExportLocale) => columnsOf(type).map((c) => c[locale]);

/** Names of the organisations the caller may see, by id (one query per page). */
async function visibleNames(ctx: TableContext, ids: number[]) {
  const names = new Map<number, { name: string; kind: string }>();
  const unique = [...new Set(ids)];
  if (!unique.length) return names;
  const rows = await ctx.db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(inJsonList(organisations.id, unique), isNull(organisations.deletedAt), visibleOrganisations(ctx.viewer)));
  for (const r of rows) names.set(r.id, { name: r.name, kind: r.kind });
  return names;
}

interface OrganisationItem {
  id: number; source: string; externalRef: string | null; name: string; kind: "company" | "nonprofit" | "public" | "intermediary"; regionCode: string;
  postcode: string | null; field: string | null; industry: string | null; sizeClass: "micro" | "small" | "medium" | "large" | null; isPublic: boolean;
  contactName: string | null; contactEmail: string | null;
}
interface EventItem {
  id: number; source: string; externalRef: string | null; kind: "action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other";
  title: string; date: string; regionCode: string; organiserId: number | null; participantIds: number[]; notes: string | null;
}
interface CooperationItem {
  id: number; source: string; externalRef: string | null; regionCode: string; partnerIds: number[]; eventId: number | null; dateAgreed: string;
  dateDone: string | null; status: "agreed" | "done" | "ongoing" | "cancelled" | "not_feasible";
  contributionTypes: ("time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money")[]; volunteers: number; hours: number; valueEur: number;
  peopleReached: number; targetGroups: string | null; givesBack: string | null; followUpOf: number | null; notes: string | null;
}
interface RegionItem {
  code: string; name: string; kind: string; parentCode: string | null; population: number | null; nuts3: string | null; boundaryVintage: string | null;
}
interface AuditItem {
  id: number; at: string; actor: string; role: string; action: string; entity: string; entityId: string | null; regionCode: string | null; detail: unknown;
}

export const TABLES: Record<ExportResource, TableSpec> = {
  organisations: {
    title: { de: "Organisationen", en: "Organisations" },
    header: importHeader("organisations"),
    widths: [8, 10, 14, 40, 26, 10, 8, 18, 18, 20, 10, 22, 28],
    async rows(items, { locale }) {
      return (items as OrganisationItem[]).map((o) => [
        o.id, o.source, o.externalRef, o.name, word(ORGANISATION_KINDS, o.kind, locale), o.regionCode, o.postcode, o.field, o.industry,
        word(SIZE_CLASSES, o.sizeClass, locale), o.isPublic, o.contactName, o.contactEmail,
      ]);
    },
  },
  events: {
    title: { de: "Veranstaltungen", en: "Events" },
    header: importHeader("events"),
    widths: [8, 10, 14, 18, 36, 12, 10, 30, 14, 50, 20, 30],
    async rows(items, ctx) {
      const evs = items as EventItem[];
      const names = await visibleNames(ctx, evs.flatMap((e) => [...e.participantIds, ...(e.organiserId ? [e.organiserId] : [])]));
      return evs.map((e) => [
        e.id, e.source, e.externalRef, word(EVENT_KINDS, e.kind, ctx.locale), e.title, date(e.date), e.regionCode,
        e.organiserId ? (names.get(e.organiserId)?.name ?? null) : null, e.organiserId,
        list(e.participantIds.flatMap((id) => names.get(id)?.name ?? [])), list(e.participantIds), e.notes,
      ]);
    },
  },
  cooperations: {
    title: { de: "Kooperationen", en: "Cooperations" },
    header: importHeader("cooperations"),
    widths: [8, 10, 14, 10, 32, 36, 24, 14, 12, 30, 12, 14, 14, 24, 12, 10, 12, 14, 24, 30, 14, 30],
    async rows(items, ctx) {
      const coops = items as CooperationItem[];
      const names = await visibleNames(ctx, coops.flatMap((c) => c.partnerIds));
      const eventIds = [...new Set(coops.flatMap((c) => (c.eventId ? [c.eventId] : [])))];
      const titles = new Map<number, string>();
      if (eventIds.length) {
        for (const e of await ctx.db.select({ id: events.id, title: events.title }).from(events).where(sql`${events.id} IN (SELECT value FROM json_each(${JSON.stringify(eventIds)}))`)) {
          titles.set(e.id, e.title);
        }
      }
      return coops.map((c) => {
        const partners = c.partnerIds.flatMap((id) => (names.has(id) ? [names.get(id)!] : []));
        const of = (kinds: string[]) => list(partners.filter((p) => kinds.includes(p.kind)).map((p) => p.name));
        return [
          c.id, c.source, c.externalRef, c.regionCode, of(["company"]), of(["nonprofit"]), of(["public", "intermediary"]), list(c.partnerIds), c.eventId,
          c.eventId ? (titles.get(c.eventId) ?? null) : null, date(c.dateAgreed), date(c.dateDone), word(COOPERATION_STATUSES, c.status, ctx.locale),
          c.contributionTypes.length ? c.contributionTypes.map((t) => word(CONTRIBUTION_TYPES, t, ctx.locale)).join(", ") : null,
          c.volunteers, c.hours, c.valueEur, c.peopleReached, c.targetGroups, c.givesBack, c.followUpOf, c.notes,
        ];
      });
    },
  },
  regions: {
    title: { de: "Regionen", en: "Regions" },
    header: (l) => (l === "de" ? ["Code", "Name", "Art", "Übergeordnete Region", "Einwohner", "NUTS-3", "Gebietsstand"] : ["Code", "Name", "Kind", "Parent region", "Population", "NUTS-3", "Boundary vintage"]),
    widths: [10, 36, 10, 14, 12, 10, 14],
    async rows(items) {
      return (items as RegionItem[]).map((r) => [r.code, r.name, r.kind, r.parentCode, r.population, r.nuts3, r.boundaryVintage]);
    },
  },
  audit: {
    title: { de: "Protokoll", en: "Audit log" },
    header: (l) => (l === "de" ? ["ID", "Zeitpunkt", "Akteur", "Rolle", "Aktion", "Objekt", "Objekt-ID", "Region", "Details"] : ["ID", "At", "Actor", "Role", "Action", "Entity", "Entity ID", "Region", "Detail"]),
    widths: [8, 26, 14, 12, 16, 16, 12, 10, 60],
    async rows(items) {
      return (items as AuditItem[]).map((a) => [a.id, a.at, a.actor, a.role, a.action, a.entity, a.entityId, a.regionCode, a.detail == null ? null : JSON.stringify(a.detail)]);
    },
  },
};
