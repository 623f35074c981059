/**
 * @module
 * Importing cooperations (deal sheets). A row finds its stored cooperation by ID, else by
 * external reference. A row with neither gets a reference derived from its content
 * (`auto:<hash>` under the import's source), so importing the same file again — also re-saved in
 * another format or dialect — finds the same records instead of creating duplicates. Editing such
 * a row in the original file makes it a new cooperation; to change stored ones, edit an export
 * (it carries the ID column) or give the rows references.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { hasPartnerInScope, NO_PARTNER_IN_SCOPE } from "../lib/auth";
import { inBatch, inJsonList } from "../db/client";
import { cooperationPartners, cooperations, events, organisations } from "../db/tables";
import { CooperationCreate } from "../routes/cooperations/cooperations.routes";
import { OrganisationFinder, RowReader, type ImportContext, type OrgLite } from "./context";
import { collectParties, resolveParties } from "./parties";
import { DuplicateGuard, diff, keepStoredSpacing, perChunk, selectChunked, zodIssues, type Plan } from "./plan";
import type { RowReport } from "./report";
import { CONTRIBUTION_TYPES, COOPERATION_STATUSES } from "./vocabulary";
import { oneLine, parseDate, parseEnum, parseEnumList, parseId, parseNumber } from "./values";

type Stored = typeof cooperations.$inferSelect;
interface Fields {
  regionCode: string;
  eventId: number | null;
  partnerIds: number[];
  dateAgreed: string;
  dateDone: string | null;
  status: Stored["status"];
  contributionTypes: string[];
  volunteers: number;
  hours: number;
  valueEur: number;
  peopleReached: number;
  targetGroups: string | null;
  givesBack: string | null;
  followUpOf: number | null;
  notes: string | null;
  source: string;
  externalRef: string | null;
}
const FIELDS = [
  "regionCode", "eventId", "partnerIds", "dateAgreed", "dateDone", "status", "contributionTypes", "volunteers", "hours", "valueEur",
  "peopleReached", "targetGroups", "givesBack", "followUpOf", "notes", "source", "externalRef",
] as const;
const COLUMN_OF: Record<string, string> = { regionCode: "region", partnerIds: "partnerIds" };
const PARTNER_COLUMNS = ["company", "nonprofit", "otherPartners"];
const sortNum = (a: number[]) => [...a].sort((x, y) => x - y);
const titleKey = (s: string) => oneLine(s).toLowerCase();

/** Prefix of references derived from a row's content. */
export const DERIVED_REF_PREFIX = "auto:";

async function derivedRef(f: Fields): Promise<string> {
  const canonical = JSON.stringify([
    f.regionCode, f.eventId, sortNum(f.partnerIds), f.dateAgreed, f.dateDone, f.status, [...f.contributionTypes].sort(), f.volunteers, f.hours,
    f.valueEur, f.peopleReached, f.targetGroups, f.givesBack, f.followUpOf, f.notes,
  ]);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical)));
  return DERIVED_REF_PREFIX + [...digest.subarray(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function planCooperations(ctx: ImportContext): Promise<Plan> {
  const { db, viewer, sheet, options, regions } = ctx;
  const readers = sheet.rows.map((row) => new RowReader(sheet, row));
  const finder = new OrganisationFinder(db, viewer);
  const parties = collectParties(readers, PARTNER_COLUMNS, ["partnerIds"]);
  await finder.load(parties.names, parties.ids);
  const decimalComma = sheet.decimalComma;

  const parsed = readers.map((r) => {
    const num = (field: string, integer: boolean, max: number) => r.read(field, (c) => parseNumber(c, { integer, decimalComma, max }));
    const p = {
      r,
      id: r.read("id", parseId),
      source: r.line("source", 50),
      externalRef: r.line("externalRef", 200),
      region: r.read("region", (c) => regions.resolve(c)),
      eventId: r.read("eventId", parseId),
      eventTitle: r.line("event", 300),
      dateAgreed: r.read("dateAgreed", parseDate),
      dateDone: r.read("dateDone", parseDate),
      status: r.read("status", (c) => parseEnum(c, COOPERATION_STATUSES)),
      contributionTypes: r.read("contributionTypes", (c) => parseEnumList(c, CONTRIBUTION_TYPES)),
      volunteers: num("volunteers", true, 1_000_000),
      hours: num("hours", false, 10_000_000),
      valueEur: num("valueEur", false, 1_000_000_000),
      peopleReached: num("peopleReached", true, 100_000_000),
      targetGroups: r.line("targetGroups", 500),
      givesBack: r.multiline("givesBack", 2000),
      followUpOf: r.read("followUpOf", parseId),
      notes: r.multiline("notes", 5000),
    };
    for (const f of ["targetGroups", "givesBack", "notes"] as const) r.checkFormula(f, p[f]);
    return p;
  });

  // Stored records and references: cooperations by id (visible to the caller) and by
  // reference, events by id and title, follow-ups by id.
  const scope = viewer.role === "coordinator" ? inJsonList(cooperations.regionCode, [...viewer.scope!]) : undefined;
  const byId = new Map<number, Stored>();
  for (const c of await selectChunked(parsed.flatMap((p) => (p.id ? [p.id] : [])), (json) =>
    db.select().from(cooperations).where(and(isNull(cooperations.deletedAt), scope, sql`${cooperations.id} IN (SELECT value FROM json_each(${json}))`)),
  )) byId.set(c.id, c);
  // Current partners of the cooperations rows name by ID: named again they count even where the
  // caller cannot see them (an export lists them), though no hidden organisation can be added.
  const currentOf = new Map<number, Map<number, OrgLite>>();
  for (const o of await selectChunked([...byId.keys()], (json) =>
    db
      .select({ cooperationId: cooperationPartners.cooperationId, id: organisations.id, name: organisations.name, kind: organisations.kind, regionCode: organisations.regionCode, source: organisations.source, externalRef: organisations.externalRef })
      .from(cooperationPartners)
      .innerJoin(organisations, eq(organisations.id, cooperationPartners.organisationId))
      .where(sql`${cooperationPartners.cooperationId} IN (SELECT value FROM json_each(${json}))`),
  )) currentOf.set(o.cooperationId, (currentOf.get(o.cooperationId) ?? new Map()).set(o.id, o));
  const eventIds = new Set(parsed.flatMap((p) => (p.eventId ? [p.eventId] : [])));
  const eventTitles = new Set(parsed.flatMap((p) => (p.eventTitle ? [titleKey(p.eventTitle)] : [])));
  const eventsById = new Map<number, { id: number; title: string; regionCode: string }>();
  const eventsByTitle = new Map<string, { id: number; title: string; regionCode: string }[]>();
  const evCols = { id: events.id, title: events.title, regionCode: events.regionCode };
  for (const e of await selectChunked([...eventIds], (json) => db.select(evCols).from(events).where(and(isNull(events.deletedAt), sql`${events.id} IN (SELECT value FROM json_each(${json}))`)))) {
    eventsById.set(e.id, e);
  }
  for (const e of await selectChunked([...eventTitles], (json) =>
    db.select(evCols).from(events).where(and(isNull(events.deletedAt), sql`${events.title} COLLATE NOCASE IN (SELECT value FROM json_each(${json}))`)),
  )) eventsByTitle.set(titleKey(e.title), [...(eventsByTitle.get(titleKey(e.title)) ?? []), e]);
  const followUps = new Set(
    (await selectChunked(parsed.flatMap((p) => (p.followUpOf ? [p.followUpOf] : [])), (json) =>
      db.select({ id: cooperations.id }).from(cooperations).where(and(isNull(cooperations.deletedAt), sql`${cooperations.id} IN (SELECT value FROM json_each(${json}))`)),
    )).map((c) => c.id),
  );

  // Pass 1: the record each row describes (references resolved); derived references need it.
  interface Draft {
    p: (typeof parsed)[number];
    next: Fields | null;
    existing?: Stored;
    matchedBy?: RowReport["matchedBy"];
    partnersGiven: boolean;
  }
  const drafts: Draft[] = [];
  let k = 0;
  for (const p of parsed) {
    if (++k % 2000 === 0) await ctx.progress("check", Math.round(k / 2), parsed.length);
    const { r } = p;
    let existing: Stored | undefined;
    if (p.id) {
      existing = byId.get(p.id);
      if (!existing) r.issue("id", "unknown_id", `No cooperation with ID ${p.id}`);
    }
    const regionHint = p.region ?? existing?.regionCode ?? options.defaultRegion;
    const tree = regionHint && regions.has(regionHint) ? regions.tree(regionHint) : null;
    const partners = resolveParties(r, finder, tree, PARTNER_COLUMNS, "partnerIds", existing ? currentOf.get(existing.id) : undefined);

    let eventId: number | null | undefined = undefined;
    if (p.eventId) {
      const e = eventsById.get(p.eventId);
      if (!e) r.issue("eventId", "unknown_event", `No event with ID ${p.eventId}`);
      else if (p.eventTitle && titleKey(p.eventTitle) !== titleKey(e.title)) {
        r.issue("event", "event_mismatch", `Event ${e.id} is called '${e.title}'; to change the event, empty the column '${r.header("eventId")}'`);
      } else eventId = e.id;
    } else if (p.eventTitle) {
      const found = eventsByTitle.get(titleKey(p.eventTitle)) ?? [];
      const inRegion = tree ? found.filter((e) => tree.has(e.regionCode)) : found;
      const pick = inRegion.length ? inRegion : found;
      if (pick.length === 1) eventId = pick[0].id;
      else if (pick.length > 1) r.issue("event", "ambiguous_event", `${pick.length} events are called '${p.eventTitle}' (IDs ${pick.map((e) => e.id).join(", ")}); use the column Veranstaltung-ID`);
      else r.issue("event", "unknown_event", `No event called '${p.eventTitle}'; import it first (type=events) or leave the cell empty`);
    } else {
      const given = ["eventId", "event"].filter((f) => r.has(f));
      if (given.length && given.every((f) => r.blank(f))) eventId = null;
    }
    if (p.followUpOf && !followUps.has(p.followUpOf)) r.issue("followUpOf", "unknown_cooperation", `No cooperation with ID ${p.followUpOf}`);

    const base: Fields | null = existing
      ? {
          regionCode: existing.regionCode, eventId: existing.eventId, partnerIds: [], dateAgreed: existing.dateAgreed, dateDone: existing.dateDone,
          status: existing.status, contributionTypes: existing.contributionTypes ? existing.contributionTypes.split(",") : [], volunteers: existing.volunteers,
          hours: existing.hours, valueEur: existing.valueEur, peopleReached: existing.peopleReached, targetGroups: existing.targetGroups,
          givesBack: existing.givesBack, followUpOf: existing.followUpOf, notes: existing.notes, source: existing.source, externalRef: existing.externalRef,
        }
      : null;
    const known: OrgLite[] = partners ?? [];
    const defaultRegion = p.region ?? options.defaultRegion ?? (known.find((o) => o.kind === "nonprofit") ?? known[0])?.regionCode ?? null;
    const next: Fields = base
      ? { ...base }
      : {
          regionCode: defaultRegion ?? "", eventId: null, partnerIds: [], dateAgreed: "", dateDone: null,
          status: p.dateDone ? "done" : "agreed", contributionTypes: [], volunteers: 0, hours: 0, valueEur: 0, peopleReached: 0,
          targetGroups: null, givesBack: null, followUpOf: null, notes: null, source: options.defaultSource, externalRef: null,
        };
    if (p.region) next.regionCode = p.region;
    if (eventId !== undefined) next.eventId = eventId;
    if (partners !== undefined) next.partnerIds = partners.map((o) => o.id);
    if (p.dateAgreed) next.dateAgreed = p.dateAgreed;
    if (p.dateDone !== undefined) next.dateDone = p.dateDone;
    if (p.status) next.status = p.status;
    if (p.contributionTypes !== undefined) next.contributionTypes = p.contributionTypes ?? [];
    for (const f of ["volunteers", "hours", "valueEur", "peopleReached"] as const) if (p[f] !== undefined) next[f] = p[f] ?? 0;
    for (const f of ["targetGroups", "givesBack", "notes"] as const) if (p[f] !== undefined) next[f] = p[f];
    if (p.followUpOf !== undefined) next.followUpOf = p.followUpOf;
    if (p.source) next.source = p.source;
    if (p.externalRef) next.externalRef = p.externalRef;
    if (!existing && !p.id) {
      if (!p.dateAgreed && !r.failed("dateAgreed")) r.issue(r.has("dateAgreed") ? "dateAgreed" : null, "required", "The date (Datum) is required");
      if (!next.regionCode && !r.issues.length) r.issue(r.has("region") ? "region" : null, "required", "A region is required (column Region, the query parameter region, or a non-profit partner)");
    }
    drafts.push({ p, next, existing, matchedBy: existing ? "id" : undefined, partnersGiven: partners !== undefined });
  }

  // Derived references, then everything matched by reference in one go.
  for (const d of drafts) {
    if (!d.existing && !d.p.externalRef && !d.p.r.issues.length && d.next) {
      d.next.externalRef = await derivedRef(d.next);
      d.matchedBy = "content";
    } else if (!d.existing && d.p.externalRef) d.matchedBy = "reference";
  }
  const byRef = new Map<string, Stored[]>();
  for (const c of await selectChunked(drafts.flatMap((d) => (!d.existing && d.next?.externalRef ? [d.next.externalRef] : [])), (json) =>
    db.select().from(cooperations).where(sql`${cooperations.externalRef} IN (SELECT value FROM json_each(${json}))`),
  )) byRef.set(c.externalRef!, [...(byRef.get(c.externalRef!) ?? []), c]);
  for (const d of drafts) {
    if (d.existing || !d.next?.externalRef || d.p.r.issues.length) continue;
    const explicitSource = d.p.source;
    const found = (byRef.get(d.next.externalRef) ?? []).filter((c) => (explicitSource || d.matchedBy === "content" ? c.source === d.next!.source : true));
    if (found.length > 1) d.p.r.issue("externalRef", "ambiguous_reference", `Reference '${d.next.externalRef}' exists in several sources; add the column Quelle/Source`);
    else if (found.length === 1 && viewer.role === "coordinator" && !viewer.scope!.has(found[0].regionCode)) {
      // A cooperation the coordinator cannot see: refused without its id, region or whether it matches.
      d.p.r.issue(d.p.r.has("externalRef") ? "externalRef" : null, "reference_taken", `Reference '${d.next.externalRef}' already belongs to another cooperation`);
    } else if (found.length === 1) {
      d.existing = found[0];
      if (!explicitSource) d.next.source = found[0].source;
    }
  }

  // Stored partners of every matched cooperation.
  const matched = drafts.flatMap((d) => (d.existing ? [d.existing.id] : []));
  const partnersOf = new Map<number, number[]>();
  const partnerRegion = new Map<number, string>();
  for (const row of await selectChunked(matched, (json) =>
    db
      .select({ cooperationId: cooperationPartners.cooperationId, organisationId: cooperationPartners.organisationId, regionCode: organisations.regionCode })
      .from(cooperationPartners)
      .innerJoin(organisations, eq(organisations.id, cooperationPartners.organisationId))
      .where(sql`${cooperationPartners.cooperationId} IN (SELECT value FROM json_each(${json}))`),
  )) {
    partnersOf.set(row.cooperationId, [...(partnersOf.get(row.cooperationId) ?? []), row.organisationId]);
    partnerRegion.set(row.organisationId, row.regionCode);
  }

  // Pass 2: compare, validate, decide.
  const guard = new DuplicateGuard();
  const reports: RowReport[] = [];
  const creates: Fields[] = [];
  const updates: (Fields & { id: number; partnersChanged: boolean })[] = [];
  const touched = new Set<string>();
  k = 0;
  for (const d of drafts) {
    if (++k % 2000 === 0) await ctx.progress("check", Math.round((drafts.length + k) / 2), drafts.length);
    const { r } = d.p;
    const { existing } = d;
    const next = d.next!;
    let before: Fields | null = null;
    if (existing) {
      before = {
        regionCode: existing.regionCode, eventId: existing.eventId, partnerIds: sortNum(partnersOf.get(existing.id) ?? []), dateAgreed: existing.dateAgreed,
        dateDone: existing.dateDone, status: existing.status, contributionTypes: existing.contributionTypes ? existing.contributionTypes.split(",").sort() : [],
        volunteers: existing.volunteers, hours: existing.hours, valueEur: existing.valueEur, peopleReached: existing.peopleReached,
        targetGroups: existing.targetGroups, givesBack: existing.givesBack, followUpOf: existing.followUpOf, notes: existing.notes,
        source: existing.source, externalRef: existing.externalRef,
      };
      if (!d.partnersGiven) next.partnerIds = before.partnerIds;
      next.source = d.p.source ?? existing.source;
    }
    next.partnerIds = sortNum(next.partnerIds);
    if (before) keepStoredSpacing(before, next);
    const compared: Fields = { ...next, contributionTypes: [...next.contributionTypes].sort() };
    const changes = before ? diff(before, compared, FIELDS, (f) => r.header(COLUMN_OF[f] ?? f)) : [];
    if (!r.issues.length && (!existing || changes.length)) {
      if (next.partnerIds.length < 2 && !r.issues.length) {
        r.issue(r.has("company") ? "company" : r.has("nonprofit") ? "nonprofit" : r.has("partnerIds") ? "partnerIds" : null, "too_few_partners", "A cooperation needs at least two distinct partners (Unternehmen and Organisation)");
      }
      const check = CooperationCreate.safeParse({ ...next, contributionTypes: next.contributionTypes });
      if (!check.success) zodIssues(r, check.error.issues, (f) => COLUMN_OF[f] ?? f);
    }
    if (!r.issues.length) {
      const dupKey = existing ? `id:${existing.id}` : `ref:${next.source}|${next.externalRef}`;
      const first = guard.check(dupKey, r.row.row);
      if (first !== undefined) {
        r.issue(null, "duplicate_row", d.matchedBy === "content" ? `Row ${first} has exactly the same content; remove one of the two rows (or give them different references)` : `Row ${first} already describes the same cooperation; remove one of the two rows`);
      }
    }
    const restores = existing?.deletedAt != null;
    let outcome: RowReport["outcome"] = r.issues.length ? "rejected" : !existing ? "created" : changes.length || restores ? "updated" : "unchanged";
    if ((outcome === "created" || outcome === "updated") && viewer.role === "coordinator") {
      const outside = [next.regionCode, existing?.regionCode].find((c) => c && !viewer.scope!.has(c));
      const regionsOfPartners = next.partnerIds.flatMap((id) => finder.byId.get(id)?.regionCode ?? partnerRegion.get(id) ?? []);
      if (outside) {
        r.issue(outside === next.regionCode && r.has("region") ? "region" : null, "outside_scope", `Region ${outside} is outside this token's regions`);
        outcome = "rejected";
      } else if (!hasPartnerInScope(viewer, regionsOfPartners)) {
        r.issue(PARTNER_COLUMNS.concat("partnerIds").find((f) => r.has(f)) ?? null, "outside_scope", NO_PARTNER_IN_SCOPE);
        outcome = "rejected";
      }
    }
    if (outcome === "created") creates.push(next);
    if (outcome === "updated") updates.push({ ...next, id: existing!.id, partnersChanged: changes.some((c) => c.field === "partnerIds") });
    if (outcome === "created" || outcome === "updated") {
      touched.add(next.regionCode);
      if (existing) touched.add(existing.regionCode);
    }
    reports.push({
      row: r.row.row,
      outcome,
      id: existing?.id ?? null,
      ...(existing || outcome === "created" ? { matchedBy: d.matchedBy ?? "reference" } : {}),
      source: outcome === "rejected" ? (d.p.source ?? null) : next.source,
      externalRef: outcome === "rejected" ? (d.p.externalRef ?? null) : next.externalRef,
      ...(changes.length && outcome !== "rejected" ? { changes } : {}),
      ...(r.warnings.length || (restores && outcome === "updated")
        ? { warnings: [...r.warnings, ...(restores && outcome === "updated" ? [{ column: null, value: null, code: "restored", message: "The cooperation had been deleted and is restored" }] : [])] }
        : {}),
      ...(r.issues.length ? { issues: r.issues } : {}),
    });
  }

  const toJson = (f: Fields) => ({ ...f, contributionTypes: f.contributionTypes.join(",") });
  const insertFrom = (json: string, now: string) => sql`
    INSERT INTO cooperations (region_code, event_id, date_agreed, date_done, status, contribution_types, volunteers, hours, value_eur,
      people_reached, target_groups, gives_back, follow_up_of, source, external_ref, notes, created_at, updated_at)
    SELECT j.value ->> 'regionCode', j.value ->> 'eventId', j.value ->> 'dateAgreed', j.value ->> 'dateDone', j.value ->> 'status',
      j.value ->> 'contributionTypes', j.value ->> 'volunteers', j.value ->> 'hours', j.value ->> 'valueEur', j.value ->> 'peopleReached',
      j.value ->> 'targetGroups', j.value ->> 'givesBack', j.value ->> 'followUpOf', j.value ->> 'source', j.value ->> 'externalRef',
      j.value ->> 'notes', ${now}, ${now}
    FROM json_each(${json}) j ORDER BY j.key`;
  return {
    reports,
    touchedRegions: touched,
    changes: { cooperations: updates.map((u) => u.id), regions: touched, members: creates.flatMap((c) => c.partnerIds) },
    statements: (now) => [
      // Every new cooperation has a reference (given or derived), so its partners find it by that.
      ...perChunk(creates.map(toJson), (json) => [
        inBatch(db, db.run(insertFrom(json, now))),
        inBatch(db, db.run(sql`
          INSERT INTO cooperation_partners (cooperation_id, organisation_id)
          SELECT c.id, p.value FROM json_each(${json}) j
          JOIN cooperations c ON c.source = j.value ->> 'source' AND c.external_ref = j.value ->> 'externalRef'
          JOIN json_each(j.value, '$.partnerIds') p`)),
      ]),
      ...perChunk(updates.map(toJson), (json) =>
        inBatch(db, db.run(sql`
          UPDATE cooperations SET region_code = j.value ->> 'regionCode', event_id = j.value ->> 'eventId', date_agreed = j.value ->> 'dateAgreed',
            date_done = j.value ->> 'dateDone', status = j.value ->> 'status', contribution_types = j.value ->> 'contributionTypes',
            volunteers = j.value ->> 'volunteers', hours = j.value ->> 'hours', value_eur = j.value ->> 'valueEur',
            people_reached = j.value ->> 'peopleReached', target_groups = j.value ->> 'targetGroups', gives_back = j.value ->> 'givesBack',
            follow_up_of = j.value ->> 'followUpOf', notes = j.value ->> 'notes', source = j.value ->> 'source',
            external_ref = j.value ->> 'externalRef', updated_at = ${now}, deleted_at = NULL
          FROM json_each(${json}) AS j WHERE cooperations.id = j.value ->> 'id'`)),
      ),
      ...perChunk(updates.filter((u) => u.partnersChanged).map((u) => ({ id: u.id, partnerIds: u.partnerIds })), (json) => [
        inBatch(db, db.run(sql`DELETE FROM cooperation_partners WHERE cooperation_id IN (SELECT j.value ->> 'id' FROM json_each(${json}) j)`)),
        inBatch(db, db.run(sql`
          INSERT INTO cooperation_partners (cooperation_id, organisation_id)
          SELECT j.value ->> 'id', p.value FROM json_each(${json}) j JOIN json_each(j.value, '$.partnerIds') p`)),
      ]),
    ],
    idsFrom: creates.length
      ? {
          statement: inBatch(db, db.get<{ seq: number }>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'cooperations'`)),
          assign(result) {
            const seq = (result as { seq: number } | undefined)?.seq ?? 0;
            let i = 0;
            for (const rep of reports) if (rep.outcome === "created") rep.id = seq - creates.length + 1 + i++;
          },
        }
      : undefined,
  };
}
