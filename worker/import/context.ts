/**
 * @module
 * What every importer shares: the options and caller, reading one row's cells by field (with
 * the reasons a cell is refused), regions by code or name, and organisations by external
 * reference or exact name — one set query per chunk of values, never one per row.
 */
import { and, isNull, sql } from "drizzle-orm";
import type { Viewer } from "../lib/auth";
import { chunkForJson } from "../db/bulk";
import type { Db } from "../db/client";
import { organisations } from "../db/tables";
import { visibleOrganisations } from "../db/visibility";
import type { ImportType } from "./columns";
import type { RowIssue } from "./report";
import type { Sheet, SheetRow } from "./sheet";
import { cellText, FORMULA_START, isBlank, oneLine, regionCodeText, type Cell, type Parsed } from "./values";

export interface ImportOptions {
  type: ImportType;
  dryRun: boolean;
  /** Region for rows without one (query parameter `region`). */
  defaultRegion: string | null;
  /** Source of new external references (query parameter `source`, default `import`). */
  defaultSource: string;
  fileName: string | null;
}

export type ImportPhase = "read" | "check" | "write" | "done";
export type ProgressFn = (phase: ImportPhase, done: number, total: number) => void | Promise<void>;

export interface ImportContext {
  db: Db;
  viewer: Viewer;
  sheet: Sheet;
  options: ImportOptions;
  regions: RegionIndex;
  progress: ProgressFn;
}

/** Reads one data row by field name and collects what is wrong with it. */
export class RowReader {
  readonly issues: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];
  private readonly byField: Map<string, { index: number; header: string }>;

  constructor(
    sheet: Sheet,
    readonly row: SheetRow,
  ) {
    this.byField = new Map(sheet.columns.map((c) => [c.column.field, { index: c.index, header: c.header }]));
  }

  /** The file has this column. */
  has(field: string): boolean {
    return this.byField.has(field);
  }

  /** Header of the column in the file (the field name when the file has none). */
  header(field: string): string {
    return this.byField.get(field)?.header ?? field;
  }

  cell(field: string): Cell {
    const col = this.byField.get(field);
    return col ? (this.row.cells[col.index] ?? null) : null;
  }

  text(field: string): string {
    return cellText(this.cell(field));
  }

  /** Column absent or cell empty. */
  blank(field: string): boolean {
    return !this.has(field) || isBlank(this.cell(field));
  }

  /** A cell of this column was already refused (so "required" is not said twice). */
  failed(field: string): boolean {
    return this.issues.some((i) => i.column === this.header(field));
  }

  issue(field: string | null, code: string, message: string, value?: string | null) {
    this.issues.push({ column: field ? this.header(field) : null, value: value ?? (field ? this.text(field) || null : null), code, message });
  }

  warn(field: string | null, code: string, message: string) {
    this.warnings.push({ column: field ? this.header(field) : null, value: field ? this.text(field) || null : null, code, message });
  }

  /**
   * The parsed cell: `undefined` when the column is absent (keep what is stored), `null` when
   * empty, the value otherwise. A refused cell is recorded as an issue and reads as `undefined`.
   */
  read<T>(field: string, parse: (cell: Cell) => Parsed<T>): T | null | undefined {
    if (!this.has(field)) return undefined;
    const cell = this.cell(field);
    if (isBlank(cell)) return null;
    const parsed = parse(cell);
    if (!parsed.ok) {
      this.issue(field, parsed.code, parsed.message);
      return undefined;
    }
    return parsed.value;
  }

  /** Text on one line (stray spaces removed), at most `max` characters. */
  line(field: string, max: number): string | null | undefined {
    return this.read(field, (cell) => textValue(oneLine(cellText(cell)), max));
  }

  /** Free text keeping its line breaks. */
  multiline(field: string, max: number): string | null | undefined {
    return this.read(field, (cell) => textValue(cellText(cell).replace(/\r\n?/g, "\n").trim(), max));
  }

  /** Notes formula-like text: stored as text, exported escaped. */
  checkFormula(field: string, value: string | null | undefined) {
    if (value && FORMULA_START.test(value)) {
      this.warn(field, "formula_text", `Starts with '${value[0]}': stored as text; exports prefix it with an apostrophe so spreadsheet programs do not run it as a formula`);
    }
  }
}

function textValue(t: string, max: number): Parsed<string> {
  if (t.length > max) return { ok: false, code: "too_long", message: `Longer than ${max} characters` };
  return { ok: true, value: t };
}

interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
}

/** All regions (a few hundred rows), to resolve codes and names and walk the tree. */
export class RegionIndex {
  private readonly byCode = new Map<string, RegionRow>();
  private readonly byName = new Map<string, RegionRow[]>();
  private readonly children = new Map<string, string[]>();
  private readonly trees = new Map<string, Set<string>>();

  constructor(rows: RegionRow[]) {
    for (const r of rows) {
      this.byCode.set(r.code, r);
      const key = r.name.toLowerCase();
      this.byName.set(key, [...(this.byName.get(key) ?? []), r]);
      if (r.parentCode) this.children.set(r.parentCode, [...(this.children.get(r.parentCode) ?? []), r.code]);
    }
  }

  static async load(db: Db): Promise<RegionIndex> {
    const { results } = await db.$client
      .prepare("SELECT code, name, parent_code AS parentCode FROM regions WHERE deleted_at IS NULL")
      .all<RegionRow>();
    return new RegionIndex(results);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The region and all regions below it. */
  tree(code: string): Set<string> {
    let set = this.trees.get(code);
    if (set) return set;
    set = new Set([code]);
    const queue = [code];
    while (queue.length) for (const child of this.children.get(queue.pop()!) ?? []) if (!set.has(child)) (set.add(child), queue.push(child));
    this.trees.set(code, set);
    return set;
  }

  /** A region by code ("05358", also "5358" as spreadsheets shorten it) or by its unique name ("Düren"). */
  resolve(cell: Cell): Parsed<string> {
    const code = regionCodeText(cell);
    if (this.byCode.has(code)) return { ok: true, value: code };
    const text = cellText(cell);
    if (this.byCode.has(text)) return { ok: true, value: text };
    const named = this.byName.get(oneLine(text).toLowerCase()) ?? [];
    if (named.length === 1) return { ok: true, value: named[0].code };
    if (named.length > 1) {
      return { ok: false, code: "ambiguous_region", message: `Several regions are named '${text}' (${named.map((r) => r.code).join(", ")}); give the region code` };
    }
    return { ok: false, code: "unknown_region", message: `No region with code or name '${text}'` };
  }

  /** Display name of a region code. */
  name(code: string): string {
    return this.byCode.get(code)?.name ?? code;
  }
}

export interface OrgLite {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  source: string;
  externalRef: string | null;
}

const nameKey = (s: string) => oneLine(s).toLowerCase();

/**
 * Finds organisations the caller may see by external reference or exact name (case of ASCII
 * letters and stray spaces ignored). Load all values of a file first, then ask per cell.
 */
export class OrganisationFinder {
  private readonly byRef = new Map<string, OrgLite[]>();
  private readonly byName = new Map<string, OrgLite[]>();
  readonly byId = new Map<number, OrgLite>();

  constructor(
    private readonly db: Db,
    private readonly viewer: Viewer,
  ) {}

  /** Loads the candidates for the given names/references (and ids). */
  async load(values: Iterable<string>, ids: Iterable<number> = []) {
    const unique = [...new Set([...values].map(oneLine).filter(Boolean))];
    const lowered = [...new Set(unique.map(nameKey))];
    const visible = visibleOrganisations(this.viewer);
    const cols = {
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      regionCode: organisations.regionCode,
      source: organisations.source,
      externalRef: organisations.externalRef,
    };
    const seen = new Set<number>();
    const add = (o: OrgLite) => {
      if (seen.has(o.id)) return;
      seen.add(o.id);
      this.byId.set(o.id, o);
      if (o.externalRef) this.byRef.set(o.externalRef, [...(this.byRef.get(o.externalRef) ?? []), o]);
      const k = nameKey(o.name);
      this.byName.set(k, [...(this.byName.get(k) ?? []), o]);
    };
    for (const chunk of chunkForJson(unique)) {
      const json = JSON.stringify(chunk);
      for (const o of await this.db
        .select(cols)
        .from(organisations)
        .where(and(isNull(organisations.deletedAt), visible, sql`${organisations.externalRef} IN (SELECT value FROM json_each(${json}))`))) add(o);
    }
    for (const chunk of chunkForJson(lowered)) {
      const json = JSON.stringify(chunk);
      for (const o of await this.db
        .select(cols)
        .from(organisations)
        .where(and(isNull(organisations.deletedAt), visible, sql`${organisations.name} COLLATE NOCASE IN (SELECT value FROM json_each(${json}))`))) add(o);
    }
    for (const chunk of chunkForJson([...new Set(ids)])) {
      const json = JSON.stringify(chunk);
      for (const o of await this.db
        .select(cols)
        .from(organisations)
        .where(and(isNull(organisations.deletedAt), visible, sql`${organisations.id} IN (SELECT value FROM json_each(${json}))`))) add(o);
    }
  }

  /**
   * The one organisation meant by a cell: an external reference, else the exact name within the
   * region (and its sub-regions), else the exact name anywhere if only one organisation has it.
   */
  find(value: string, regionTree: Set<string> | null): Parsed<OrgLite> {
    const v = oneLine(value);
    const refs = this.byRef.get(v) ?? [];
    if (refs.length === 1) return { ok: true, value: refs[0] };
    if (refs.length > 1) {
      return { ok: false, code: "ambiguous_organisation", message: `External reference '${v}' is used by several organisations (${refs.map((o) => o.id).join(", ")}); use their ID` };
    }
    const named = this.byName.get(nameKey(v)) ?? [];
    const inRegion = regionTree ? named.filter((o) => regionTree.has(o.regionCode)) : named;
    if (inRegion.length === 1) return { ok: true, value: inRegion[0] };
    const candidates = inRegion.length > 1 ? inRegion : named;
    if (candidates.length === 1) return { ok: true, value: candidates[0] };
    if (candidates.length > 1) {
      return {
        ok: false,
        code: "ambiguous_organisation",
        message: `${candidates.length} organisations are named '${v}' (IDs ${candidates.map((o) => `${o.id} in ${o.regionCode}`).join(", ")}); give the region, the external reference or the ID`,
      };
    }
    return {
      ok: false,
      code: "unknown_organisation",
      message: `No organisation '${v}'${regionTree ? " in this region" : ""}; import it first (type=organisations) or use its exact name, external reference or ID`,
    };
  }
}
