/**
 * @module
 * Organisations named in a row (partners of a cooperation, participants and organiser of an
 * event): by name or external reference in the name columns, or by ID in the ID column. When a
 * file has both (as exports do), the IDs decide and the names must agree with them.
 */
import type { OrganisationFinder, OrgLite, RowReader } from "./context";
import { oneLine, parseIdList, splitList } from "./values";

const key = (s: string) => oneLine(s).toLowerCase();

/** Every name/reference and ID in the given columns of all rows (to load them in one go). */
export function collectParties(readers: RowReader[], nameFields: string[], idFields: string[]) {
  const names = new Set<string>();
  const ids = new Set<number>();
  for (const r of readers) {
    for (const f of nameFields) if (r.has(f)) for (const v of splitList(r.cell(f))) names.add(v);
    for (const f of idFields) {
      if (!r.has(f)) continue;
      const parsed = parseIdList(r.cell(f));
      if (parsed.ok) for (const id of parsed.value) ids.add(id);
    }
  }
  return { names, ids };
}

/**
 * The organisations a row names, in order and without repeats; `undefined` when the row names
 * none (keep what is stored). Problems are recorded on the row. `current`: the stored record's
 * own parties, which its ID column may name even where the finder (the caller) cannot see them.
 */
export function resolveParties(
  r: RowReader,
  finder: OrganisationFinder,
  regionTree: Set<string> | null,
  nameFields: string[],
  idField: string,
  current?: ReadonlyMap<number, OrgLite>,
): OrgLite[] | undefined {
  const present = nameFields.some((f) => r.has(f)) || r.has(idField);
  if (!present) return undefined;
  const named = nameFields.flatMap((field) => (r.has(field) ? splitList(r.cell(field)).map((value) => ({ field, value })) : []));
  const ids = r.has(idField) ? r.read(idField, parseIdList) : null;
  // All cells empty: nothing said about them (a new record then lacks them, a stored one keeps them).
  if (named.length === 0 && (ids === null || (ids !== undefined && ids.length === 0))) return undefined;
  const out: OrgLite[] = [];
  const add = (o: OrgLite) => {
    if (!out.some((x) => x.id === o.id)) out.push(o);
  };
  if (ids && ids.length) {
    for (const id of ids) {
      const org = finder.byId.get(id) ?? current?.get(id);
      if (org) add(org);
      else r.issue(idField, "unknown_organisation", `No organisation with ID ${id}`, String(id));
    }
    for (const { field, value } of named) {
      const match = out.some((o) => key(o.name) === key(value) || o.externalRef === oneLine(value));
      if (!match && out.length === ids.length) {
        r.issue(field, "partner_mismatch", `'${value}' is not one of the organisations in column '${r.header(idField)}'; to change them, empty that column`, value);
      }
    }
    return out;
  }
  if (ids === undefined) return out; // the ID cell was refused (issue recorded)
  for (const { field, value } of named) {
    const found = finder.find(value, regionTree);
    if (found.ok) add(found.value);
    else r.issue(field, found.code, found.message, value);
  }
  return out;
}
