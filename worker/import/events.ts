/**
 * @module
 * Importing events with their participants (one row per event, participants separated by `|` or
 * line breaks). A row finds its stored event by ID, else by external reference, else by title,
 * date and region. Participants the caller may not see are kept as they are.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { inBatch } from "../db/client";
import { eventParticipants, events, organisations } from "../db/tables";
import { EventCreate } from "../routes/events/events.routes";
import { visibleOrganisations } from "../db/visibility";
import { OrganisationFinder, RowReader, type ImportContext } from "./context";
import { collectParties, resolveParties } from "./parties";
import { DuplicateGuard, diff, keepStoredSpacing, perChunk, selectChunked, zodIssues, type Plan } from "./plan";
import type { RowReport } from "./report";
import { EVENT_KINDS } from "./vocabulary";
import { oneLine, parseDate, parseEnum, parseId } from "./values";

type Stored = typeof events.$inferSelect;
interface Fields {
  kind: Stored["kind"];
  title: string;
  date: string;
  regionCode: string;
  organiserId: number | null;
  participantIds: number[];
  notes: string | null;
  source: string;
  externalRef: string | null;
}
const FIELDS = ["kind", "title", "date", "regionCode", "organiserId", "participantIds", "notes", "source", "externalRef"] as const;
const COLUMN_OF: Record<string, string> = { regionCode: "region", organiserId: "organiser", participantIds: "participants" };
const titleKey = (s: string) => oneLine(s).toLowerCase();

export async function planEvents(ctx: ImportContext): Promise<Plan> {
  const { db, viewer, sheet, options, regions } = ctx;
  const readers = sheet.rows.map((row) => new RowReader(sheet, row));
  const finder = new OrganisationFinder(db, viewer);
  const parties = collectParties(readers, ["organiser", "participants"], ["organiserId", "participantIds"]);
  await finder.load(parties.names, parties.ids);

  const parsed = readers.map((r) => {
    const id = r.read("id", parseId);
    const source = r.line("source", 50);
    const externalRef = r.line("externalRef", 200);
    const kind = r.read("kind", (c) => parseEnum(c, EVENT_KINDS));
    const title = r.line("title", 300);
    r.checkFormula("title", title);
    const date = r.read("date", parseDate);
    const region = r.read("region", (c) => regions.resolve(c));
    const notes = r.multiline("notes", 5000);
    r.checkFormula("notes", notes);
    return { r, id, source, externalRef, kind, title, date, region, notes };
  });

  const byId = new Map<number, Stored>();
  for (const e of await selectChunked(parsed.flatMap((p) => (p.id ? [p.id] : [])), (json) =>
    db.select().from(events).where(and(isNull(events.deletedAt), sql`${events.id} IN (SELECT value FROM json_each(${json}))`)),
  )) byId.set(e.id, e);
  const byRef = new Map<string, Stored[]>();
  for (const e of await selectChunked(parsed.flatMap((p) => (p.externalRef ? [p.externalRef] : [])), (json) =>
    db.select().from(events).where(sql`${events.externalRef} IN (SELECT value FROM json_each(${json}))`),
  )) byRef.set(e.externalRef!, [...(byRef.get(e.externalRef!) ?? []), e]);
  const byTitle = new Map<string, Stored[]>();
  for (const e of await selectChunked(parsed.flatMap((p) => (p.title ? [titleKey(p.title)] : [])), (json) =>
    db.select().from(events).where(and(isNull(events.deletedAt), sql`${events.title} COLLATE NOCASE IN (SELECT value FROM json_each(${json}))`)),
  )) {
    const k = `${titleKey(e.title)}|${e.date}|${e.regionCode}`;
    byTitle.set(k, [...(byTitle.get(k) ?? []), e]);
  }

  // Which events each row may mean is known now; their stored participants (visible or not) too.
  const candidates = new Set<number>([...byId.keys(), ...[...byRef.values()].flat().map((e) => e.id), ...[...byTitle.values()].flat().map((e) => e.id)]);
  const visibleExpr = visibleOrganisations(viewer) ?? sql`1`;
  const stored = new Map<number, { visible: number[]; hidden: number[] }>();
  for (const p of await selectChunked([...candidates], (json) =>
    db
      .select({ eventId: eventParticipants.eventId, organisationId: eventParticipants.organisationId, visible: sql<number>`${visibleExpr}` })
      .from(eventParticipants)
      .innerJoin(organisations, eq(organisations.id, eventParticipants.organisationId))
      .where(sql`${eventParticipants.eventId} IN (SELECT value FROM json_each(${json}))`)
      .orderBy(eventParticipants.eventId, eventParticipants.organisationId),
  )) {
    const entry = stored.get(p.eventId) ?? { visible: [], hidden: [] };
    (p.visible ? entry.visible : entry.hidden).push(p.organisationId);
    stored.set(p.eventId, entry);
  }
  const pick = (e: Stored): Fields => ({
    kind: e.kind,
    title: e.title,
    date: e.date,
    regionCode: e.regionCode,
    organiserId: e.organiserId,
    participantIds: [...(stored.get(e.id)?.visible ?? []), ...(stored.get(e.id)?.hidden ?? [])].sort((a, b) => a - b),
    notes: e.notes,
    source: e.source,
    externalRef: e.externalRef,
  });

  const guard = new DuplicateGuard();
  const reports: RowReport[] = [];
  const creates: (Fields & { row: number })[] = [];
  const updates: (Fields & { id: number; participantsChanged: boolean })[] = [];
  const touched = new Set<string>();
  let k = 0;
  for (const p of parsed) {
    if (++k % 2000 === 0) await ctx.progress("check", k, parsed.length);
    const { r } = p;
    let existing: Stored | undefined;
    let matchedBy: RowReport["matchedBy"];
    if (p.id) {
      existing = byId.get(p.id);
      matchedBy = "id";
      if (!existing) r.issue("id", "unknown_id", `No event with ID ${p.id}`);
    } else if (p.externalRef) {
      const found = (byRef.get(p.externalRef) ?? []).filter((e) => !p.source || e.source === p.source);
      if (found.length > 1) r.issue("externalRef", "ambiguous_reference", `Reference '${p.externalRef}' exists in several sources; add the column Quelle/Source`);
      else if (found.length === 1) (existing = found[0]), (matchedBy = "reference");
    }
    const regionCode = p.region ?? existing?.regionCode ?? options.defaultRegion;
    if (!existing && !p.id && !r.issues.length && p.title && p.date && regionCode) {
      const found = (byTitle.get(`${titleKey(p.title)}|${p.date}|${regionCode}`) ?? []).filter((e) => !p.externalRef || !e.externalRef);
      if (found.length > 1) r.issue("title", "ambiguous_event", `${found.length} events are called '${p.title}' on ${p.date} in ${regionCode}; add the column ID`);
      else if (found.length === 1) (existing = found[0]), (matchedBy = "name");
    }
    const tree = regionCode && regions.has(regionCode) ? regions.tree(regionCode) : null;
    const organiser = resolveParties(r, finder, tree, ["organiser"], "organiserId");
    if (organiser && organiser.length > 1) r.issue(r.has("organiser") ? "organiser" : "organiserId", "one_organiser", "An event has one organiser");
    const participants = resolveParties(r, finder, tree, ["participants"], "participantIds");

    const base: Fields = existing
      ? pick(existing)
      : { kind: "other", title: "", date: "", regionCode: "", organiserId: null, participantIds: [], notes: null, source: options.defaultSource, externalRef: null };
    const next: Fields = { ...base };
    if (p.kind) next.kind = p.kind;
    if (p.title) next.title = p.title;
    if (p.date) next.date = p.date;
    if (regionCode) next.regionCode = regionCode;
    if (organiser !== undefined) next.organiserId = organiser[0]?.id ?? null;
    if (participants !== undefined) {
      const hidden = existing ? (stored.get(existing.id)?.hidden ?? []) : [];
      next.participantIds = [...new Set([...participants.map((o) => o.id), ...hidden])].sort((a, b) => a - b);
    }
    if (p.notes !== undefined) next.notes = p.notes;
    if (p.source) next.source = p.source;
    if (p.externalRef) next.externalRef = p.externalRef;
    if (!existing && !p.id) {
      if (!p.kind && !r.failed("kind")) r.issue(r.has("kind") ? "kind" : null, "required", "The format (Format: Aktionstag, Marktplatz, Runder Tisch, 72-Stunden-Aktion, Social Day, Sonstiges) is required");
      if (!p.title) r.issue(r.has("title") ? "title" : null, "required", "A title is required");
      if (!p.date && !r.failed("date")) r.issue(r.has("date") ? "date" : null, "required", "A date is required");
      if (!regionCode && !r.failed("region")) r.issue(r.has("region") ? "region" : null, "required", "A region is required (column Region, or the query parameter region)");
    }
    if (existing) keepStoredSpacing(pick(existing), next);
    const changes = existing ? diff(pick(existing), next, FIELDS, (f) => r.header(COLUMN_OF[f] ?? f)) : [];
    if (!r.issues.length && (!existing || changes.length)) {
      const check = EventCreate.safeParse(next);
      if (!check.success) zodIssues(r, check.error.issues, (f) => COLUMN_OF[f] ?? f);
    }
    if (!r.issues.length) {
      const dupKey = existing ? `id:${existing.id}` : next.externalRef ? `ref:${next.source}|${next.externalRef}` : `t:${titleKey(next.title)}|${next.date}|${next.regionCode}`;
      const first = guard.check(dupKey, r.row.row);
      if (first !== undefined) r.issue(null, "duplicate_row", `Row ${first} already describes the same event; remove one of the two rows`);
    }
    const restores = existing?.deletedAt != null;
    let outcome: RowReport["outcome"] = r.issues.length ? "rejected" : !existing ? "created" : changes.length || restores ? "updated" : "unchanged";
    if ((outcome === "created" || outcome === "updated") && viewer.role === "coordinator") {
      const outside = [next.regionCode, existing?.regionCode].find((c) => c && !viewer.scope!.has(c));
      if (outside) {
        r.issue(outside === next.regionCode ? "region" : null, "outside_scope", `Region ${outside} is outside this token's regions`);
        outcome = "rejected";
      }
    }
    if (outcome === "created") creates.push({ ...next, row: r.row.row });
    if (outcome === "updated") updates.push({ ...next, id: existing!.id, participantsChanged: changes.some((c) => c.field === "participantIds") });
    if (outcome === "created" || outcome === "updated") {
      touched.add(next.regionCode);
      if (existing) touched.add(existing.regionCode);
    }
    reports.push({
      row: r.row.row,
      outcome,
      id: existing?.id ?? null,
      ...(existing && matchedBy ? { matchedBy } : outcome === "created" ? { matchedBy: next.externalRef ? "reference" : "name" } : {}),
      source: outcome === "rejected" ? (p.source ?? null) : next.source,
      externalRef: outcome === "rejected" ? (p.externalRef ?? null) : next.externalRef,
      ...(changes.length && outcome !== "rejected" ? { changes } : {}),
      ...(r.warnings.length || (restores && outcome === "updated")
        ? { warnings: [...r.warnings, ...(restores && outcome === "updated" ? [{ column: null, value: null, code: "restored", message: "The event had been deleted and is restored" }] : [])] }
        : {}),
      ...(r.issues.length ? { issues: r.issues } : {}),
    });
  }

  return {
    reports,
    touchedRegions: touched,
    changes: {
      events: updates.map((u) => u.id),
      regions: touched,
      members: creates.flatMap((e) => (e.organiserId ? [...e.participantIds, e.organiserId] : e.participantIds)),
    },
    statements: (now) => [
      // Each chunk is inserted in file order, so its events get consecutive ids ending at the
      // sequence; the participants of chunk row k belong to id (sequence − n + 1 + k).
      ...perChunk(creates, (json, chunk) => [
        inBatch(db, db.run(sql`
          INSERT INTO events (kind, title, date, region_code, organiser_id, source, external_ref, notes, created_at, updated_at)
          SELECT j.value ->> 'kind', j.value ->> 'title', j.value ->> 'date', j.value ->> 'regionCode', j.value ->> 'organiserId',
                 j.value ->> 'source', j.value ->> 'externalRef', j.value ->> 'notes', ${now}, ${now}
          FROM json_each(${json}) j ORDER BY j.key`)),
        inBatch(db, db.run(sql`
          INSERT INTO event_participants (event_id, organisation_id)
          SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'events') - ${chunk.length} + 1 + j.key, p.value
          FROM json_each(${json}) j JOIN json_each(j.value, '$.participantIds') p`)),
      ]),
      ...perChunk(updates, (json) => [
        inBatch(db, db.run(sql`
          UPDATE events SET kind = j.value ->> 'kind', title = j.value ->> 'title', date = j.value ->> 'date', region_code = j.value ->> 'regionCode',
            organiser_id = j.value ->> 'organiserId', source = j.value ->> 'source', external_ref = j.value ->> 'externalRef',
            notes = j.value ->> 'notes', updated_at = ${now}, deleted_at = NULL
          FROM json_each(${json}) AS j WHERE events.id = j.value ->> 'id'`)),
      ]),
      ...perChunk(updates.filter((u) => u.participantsChanged), (json) => [
        inBatch(db, db.run(sql`DELETE FROM event_participants WHERE event_id IN (SELECT j.value ->> 'id' FROM json_each(${json}) j)`)),
        inBatch(db, db.run(sql`
          INSERT INTO event_participants (event_id, organisation_id)
          SELECT j.value ->> 'id', p.value FROM json_each(${json}) j JOIN json_each(j.value, '$.participantIds') p`)),
      ]),
    ],
    idsFrom: creates.length
      ? {
          statement: inBatch(db, db.get<{ seq: number }>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'events'`)),
          assign(result) {
            const seq = (result as { seq: number } | undefined)?.seq ?? 0;
            const byRow = new Map(creates.map((c, i) => [c.row, seq - creates.length + 1 + i]));
            for (const rep of reports) if (rep.outcome === "created") rep.id = byRow.get(rep.row) ?? null;
          },
        }
      : undefined,
  };
}
