/**
 * @module
 * Importing organisations. A row finds its stored record by ID, else by external reference
 * (source + reference, or the reference alone when the file names no source), else by exact name
 * within its region — so a file without references can be imported again without duplicates.
 */
import { and, isNull, sql } from "drizzle-orm";
import { seesDetail } from "../lib/auth";
import { inBatch } from "../db/client";
import { organisations } from "../db/tables";
import { OrganisationCreate } from "../routes/organisations/organisations.routes";
import { visibleOrganisations } from "../db/visibility";
import { RowReader, type ImportContext } from "./context";
import { DuplicateGuard, diff, keepStoredSpacing, perChunk, selectChunked, zodIssues, type Plan } from "./plan";
import type { RowReport } from "./report";
import { FIELDS_OF_WORK, INDUSTRIES, ORGANISATION_KINDS, SIZE_CLASSES } from "./vocabulary";
import { cellText, oneLine, parseBoolean, parseEnum, parseId, parseSector, postcodeText } from "./values";

type Stored = typeof organisations.$inferSelect;

const FIELDS = ["name", "kind", "regionCode", "postcode", "field", "industry", "sizeClass", "isPublic", "contactName", "contactEmail", "source", "externalRef"] as const;
type Fields = { [K in (typeof FIELDS)[number]]: Stored[K] };
const PERSONAL = new Set(["contactName", "contactEmail"]);
const COLUMN_OF: Record<string, string> = { regionCode: "region" };

const nameKey = (s: string) => oneLine(s).toLowerCase();
const pick = (o: Stored): Fields => Object.fromEntries(FIELDS.map((f) => [f, o[f]])) as Fields;

interface Parsed {
  r: RowReader;
  id: number | null | undefined;
  source: string | null | undefined;
  externalRef: string | null | undefined;
  values: Partial<Fields>;
}

export async function planOrganisations(ctx: ImportContext): Promise<Plan> {
  const { db, viewer, sheet, options, regions } = ctx;
  const impliedKind = sheet.columns.find((c) => c.column.field === "name")?.column.impliesKind;

  // Pass 1: read every row.
  const parsed: Parsed[] = sheet.rows.map((row) => {
    const r = new RowReader(sheet, row);
    const values: Partial<Fields> = {};
    const id = r.read("id", parseId);
    const source = r.line("source", 50);
    const externalRef = r.line("externalRef", 200);
    const name = r.line("name", 300);
    if (name !== undefined) values.name = name as string;
    r.checkFormula("name", name);
    const kind = r.read("kind", (c) => parseEnum(c, ORGANISATION_KINDS));
    if (kind) values.kind = kind;
    else if (impliedKind && (kind === null || !r.has("kind"))) values.kind = impliedKind;
    const region = r.read("region", (c) => regions.resolve(c));
    if (region) values.regionCode = region;
    const postcode = r.read("postcode", (c) => ({ ok: true, value: cellText(c) }));
    if (postcode !== undefined) values.postcode = postcode === null ? null : postcodeText(postcode, /^\d/.test(values.regionCode ?? options.defaultRegion ?? "0"));
    const field = r.read("field", (c) => parseSector(c, FIELDS_OF_WORK));
    if (field !== undefined) values.field = field;
    const industry = r.read("industry", (c) => parseSector(c, INDUSTRIES));
    if (industry !== undefined) values.industry = industry;
    const size = r.read("sizeClass", (c) => parseEnum(c, SIZE_CLASSES));
    if (size !== undefined) values.sizeClass = size;
    const isPublic = r.read("isPublic", parseBoolean);
    if (isPublic !== undefined) values.isPublic = isPublic ?? false;
    const contactName = r.line("contactName", 200);
    if (contactName !== undefined) values.contactName = contactName;
    const contactEmail = r.line("contactEmail", 254);
    if (contactEmail !== undefined) values.contactEmail = contactEmail;
    return { r, id, source, externalRef, values };
  });

  // The stored records the rows may mean: by id, by reference (deleted ones too: the unique key
  // covers them, an import restores them) and by name.
  const visible = visibleOrganisations(viewer);
  const byId = new Map<number, Stored>();
  for (const o of await selectChunked(parsed.flatMap((p) => (p.id ? [p.id] : [])), (json) =>
    db.select().from(organisations).where(and(isNull(organisations.deletedAt), visible, sql`${organisations.id} IN (SELECT value FROM json_each(${json}))`)),
  )) byId.set(o.id, o);
  const byRef = new Map<string, Stored[]>();
  for (const o of await selectChunked(parsed.flatMap((p) => (p.externalRef ? [p.externalRef] : [])), (json) =>
    db.select().from(organisations).where(sql`${organisations.externalRef} IN (SELECT value FROM json_each(${json}))`),
  )) byRef.set(o.externalRef!, [...(byRef.get(o.externalRef!) ?? []), o]);
  const byName = new Map<string, Stored[]>();
  for (const o of await selectChunked(parsed.flatMap((p) => (p.values.name ? [nameKey(p.values.name)] : [])), (json) =>
    db.select().from(organisations).where(and(isNull(organisations.deletedAt), sql`${organisations.name} COLLATE NOCASE IN (SELECT value FROM json_each(${json}))`)),
  )) {
    const k = `${nameKey(o.name)}|${o.regionCode}`;
    byName.set(k, [...(byName.get(k) ?? []), o]);
  }

  // A coordinator's row may name (by reference or by name) an organisation it cannot see: the row
  // is refused without saying which one, where, or whether its fields match.
  const sees = (o: Stored) => viewer.role !== "coordinator" || o.isPublic || viewer.scope!.has(o.regionCode);

  // Pass 2: match, merge, validate, compare.
  const guard = new DuplicateGuard();
  const reports: RowReport[] = [];
  const creates: (Fields & { row: number })[] = [];
  const updates: (Fields & { id: number })[] = [];
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
      if (!existing) r.issue("id", "unknown_id", `No organisation with ID ${p.id}`);
    }
    if (p.externalRef) {
      const candidates = (byRef.get(p.externalRef) ?? []).filter((o) => !p.source || o.source === p.source);
      if (existing) {
        const other = candidates.find((o) => o.id !== existing!.id && o.source === (p.source ?? existing!.source));
        if (other) r.issue("externalRef", "reference_taken", `Reference '${p.externalRef}' already belongs to ${sees(other) ? `organisation ${other.id}` : "another organisation"}`);
      } else if (!p.id && candidates.length > 1) {
        r.issue("externalRef", "ambiguous_reference", `Reference '${p.externalRef}' exists in several sources (${candidates.map((o) => o.source).join(", ")}); add the column Quelle/Source`);
      } else if (!p.id && candidates.length === 1) {
        existing = candidates[0];
        matchedBy = "reference";
      }
    }
    const regionForName = p.values.regionCode ?? options.defaultRegion;
    if (!existing && !p.id && p.values.name && regionForName && !r.issues.length) {
      // A row with a new reference may still mean a stored organisation without one (it gets the
      // reference); one with another reference is another organisation of the same name.
      const named = (byName.get(`${nameKey(p.values.name)}|${regionForName}`) ?? []).filter((o) => !p.externalRef || !o.externalRef);
      if (named.length > 1) {
        const ids = named.every(sees) ? ` (IDs ${named.map((o) => o.id).join(", ")})` : "";
        r.issue("name", "ambiguous_name", `${named.length} organisations are named '${p.values.name}' in region ${regionForName}${ids}; add the column ID or Referenz`);
      } else if (named.length === 1) {
        existing = named[0];
        matchedBy = "name";
      }
    }
    if (existing && !sees(existing)) {
      if (matchedBy === "reference") r.issue("externalRef", "reference_taken", `Reference '${p.externalRef}' already belongs to another organisation`);
      else r.issue(r.has("region") ? "region" : null, "outside_scope", `Region ${regionForName} is outside this token's regions`);
      existing = undefined;
      matchedBy = undefined;
    }
    if (!existing && !p.values.regionCode && options.defaultRegion) p.values.regionCode = options.defaultRegion;
    if (existing && !seesDetail(viewer, existing.regionCode)) {
      // Contact data the caller cannot see is neither shown nor overwritten.
      delete p.values.contactName;
      delete p.values.contactEmail;
    }

    const base: Fields = existing
      ? pick(existing)
      : { name: "", kind: "nonprofit", regionCode: "", postcode: null, field: null, industry: null, sizeClass: null, isPublic: false, contactName: null, contactEmail: null, source: options.defaultSource, externalRef: null };
    const next: Fields = { ...base, ...stripUndefined(p.values) };
    if (p.source) next.source = p.source;
    if (p.externalRef) next.externalRef = p.externalRef;
    if (!existing && !p.id) {
      if (!p.values.name && !r.failed("name")) r.issue(r.has("name") ? "name" : null, "required", "A name is required");
      if (!p.values.kind && !r.failed("kind")) r.issue(r.has("kind") ? "kind" : null, "required", "The kind (Art: Unternehmen, Gemeinnützige Organisation, Öffentliche Einrichtung, Mittlerorganisation) is required");
      if (!p.values.regionCode && !r.failed("region")) {
        r.issue(r.has("region") ? "region" : null, "required", "A region is required (column Region, or the query parameter region)");
      }
    } else if (r.has("name") && p.values.name === null) r.issue("name", "required", "The name cannot be empty");

    if (existing) keepStoredSpacing(pick(existing), next);
    const changes = existing ? diff(pick(existing), next, FIELDS, (f) => r.header(COLUMN_OF[f] ?? f), (f) => PERSONAL.has(f)) : [];
    if (r.issues.length === 0 && (!existing || changes.length)) {
      const check = OrganisationCreate.safeParse(next);
      if (!check.success) zodIssues(r, check.error.issues, (f) => COLUMN_OF[f] ?? f);
    }
    if (r.issues.length === 0) {
      const key = existing ? `id:${existing.id}` : next.externalRef ? `ref:${next.source}|${next.externalRef}` : `name:${nameKey(next.name)}|${next.regionCode}`;
      const first = guard.check(key, r.row.row);
      if (first !== undefined) r.issue(null, "duplicate_row", `Row ${first} already describes the same organisation; remove one of the two rows`);
    }
    const restores = existing?.deletedAt != null;
    let outcome: RowReport["outcome"] = r.issues.length ? "rejected" : !existing ? "created" : changes.length || restores ? "updated" : "unchanged";
    if (outcome === "created" || outcome === "updated") {
      for (const code of [next.regionCode, existing?.regionCode]) {
        if (code && viewer.role === "coordinator" && !viewer.scope!.has(code)) {
          r.issue(code === next.regionCode ? "region" : null, "outside_scope", `Region ${code} is outside this token's regions`);
          outcome = "rejected";
          break;
        }
      }
    }
    if (outcome === "created") creates.push({ ...next, row: r.row.row });
    if (outcome === "updated") updates.push({ ...next, id: existing!.id });
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
      ...(restores && outcome === "updated" ? { warnings: [...r.warnings, { column: null, value: null, code: "restored", message: "The organisation had been deleted and is restored" }] } : r.warnings.length ? { warnings: r.warnings } : {}),
      ...(r.issues.length ? { issues: r.issues } : {}),
    });
  }

  const json = (f: Fields) => ({ ...f, isPublic: f.isPublic ? 1 : 0 });
  const seqStatement = inBatch(db, db.get<{ seq: number }>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'organisations'`));
  return {
    reports,
    touchedRegions: touched,
    changes: { organisations: updates.map((u) => u.id), regions: touched },
    statements: (now) => [
      ...perChunk(creates.map(json), (chunk) =>
        inBatch(db, db.run(sql`
          INSERT INTO organisations (name, kind, region_code, postcode, field, industry, size_class, is_public, contact_name, contact_email, source, external_ref, created_at, updated_at)
          SELECT j.value ->> 'name', j.value ->> 'kind', j.value ->> 'regionCode', j.value ->> 'postcode', j.value ->> 'field', j.value ->> 'industry',
                 j.value ->> 'sizeClass', j.value ->> 'isPublic', j.value ->> 'contactName', j.value ->> 'contactEmail', j.value ->> 'source',
                 j.value ->> 'externalRef', ${now}, ${now}
          FROM json_each(${chunk}) j ORDER BY j.key`)),
      ),
      ...perChunk(updates.map(json), (chunk) =>
        inBatch(db, db.run(sql`
          UPDATE organisations SET name = j.value ->> 'name', kind = j.value ->> 'kind', region_code = j.value ->> 'regionCode',
            postcode = j.value ->> 'postcode', field = j.value ->> 'field', industry = j.value ->> 'industry', size_class = j.value ->> 'sizeClass',
            is_public = j.value ->> 'isPublic', contact_name = j.value ->> 'contactName', contact_email = j.value ->> 'contactEmail',
            source = j.value ->> 'source', external_ref = j.value ->> 'externalRef', updated_at = ${now}, deleted_at = NULL
          FROM json_each(${chunk}) AS j WHERE organisations.id = j.value ->> 'id'`)),
      ),
    ],
    idsFrom: creates.length
      ? {
          statement: seqStatement,
          assign(result) {
            // One transaction, rows inserted in file order: the new ids are consecutive up to the sequence.
            const seq = (result as { seq: number } | undefined)?.seq ?? 0;
            const byRow = new Map(creates.map((c, k) => [c.row, seq - creates.length + 1 + k]));
            for (const rep of reports) if (rep.outcome === "created") rep.id = byRow.get(rep.row) ?? null;
          },
        }
      : undefined,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
