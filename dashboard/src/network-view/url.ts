/**
 * @module
 * The network view's state in the page URL, so a view can be shared and survives a reload:
 * `nv-q` (search), `nv-kind`, `nv-status`, `nv-community`, `nv-field` (filters), `nv-size` (size by),
 * `nv-focus` (organisation id). Defaults are left out. Pure.
 */
import { SIZE_METRICS, type Filters, type SizeMetric } from "./model";

export interface ViewState {
  search: string;
  filters: Filters;
  sizeBy: SizeMetric;
  focus: number | null;
}

/** What a URL names of a view (each part optional; `focus: null` = explicitly none). */
export interface NamedViewState {
  search?: string;
  filters?: Partial<Filters>;
  sizeBy?: SizeMetric;
  focus?: number | null;
}

/** The URL parameters of a view ("nv-": the page's own parameters, like the period, stay apart). */
export const VIEW_PARAMS = {
  search: "nv-q",
  kind: "nv-kind",
  status: "nv-status",
  community: "nv-community",
  sector: "nv-field",
  sizeBy: "nv-size",
  focus: "nv-focus",
} as const;

/** Longest search kept from a URL (names are shorter). */
const MAX_SEARCH = 200;

/** The view state a URL names; what it does not name (or names unreadably) is left out. */
export function readViewState(q: URLSearchParams): NamedViewState {
  const out: NamedViewState = {};
  const search = q.get(VIEW_PARAMS.search);
  if (search) out.search = search.slice(0, MAX_SEARCH);
  const filters: Partial<Filters> = {};
  for (const k of ["kind", "status", "community", "sector"] as const) {
    const v = q.get(VIEW_PARAMS[k]);
    if (v && v.length <= 64) filters[k] = v;
  }
  if (Object.keys(filters).length) out.filters = filters;
  const size = q.get(VIEW_PARAMS.sizeBy);
  if (size && (SIZE_METRICS as readonly string[]).includes(size)) out.sizeBy = size as SizeMetric;
  const focus = q.get(VIEW_PARAMS.focus);
  if (focus === "none") out.focus = null;
  else if (focus && /^\d{1,12}$/.test(focus)) out.focus = Number(focus);
  return out;
}

/**
 * Writes a view's state into `q` (other parameters kept); `defaultFocus` (the organisation page's
 * own organisation) is not written.
 */
export function writeViewState(q: URLSearchParams, s: ViewState, defaultFocus: number | null = null): URLSearchParams {
  const set = (key: string, v: string) => (v ? q.set(key, v) : q.delete(key));
  set(VIEW_PARAMS.search, s.search.trim() ? s.search : "");
  set(VIEW_PARAMS.kind, s.filters.kind);
  set(VIEW_PARAMS.status, s.filters.status);
  set(VIEW_PARAMS.community, s.filters.community);
  set(VIEW_PARAMS.sector, s.filters.sector);
  set(VIEW_PARAMS.sizeBy, s.sizeBy === "degree" ? "" : s.sizeBy);
  // The organisation page focuses its organisation anyway: only another focus (or none) is named.
  set(VIEW_PARAMS.focus, s.focus === defaultFocus ? "" : s.focus === null ? "none" : String(s.focus));
  return q;
}

/** Copies the view's parameters from one query to another (a new period keeps the view). */
export function copyViewParams(from: URLSearchParams, to: URLSearchParams): URLSearchParams {
  for (const key of Object.values(VIEW_PARAMS)) {
    const v = from.get(key);
    if (v !== null) to.set(key, v);
  }
  return to;
}

/**
 * Keeps a page's view state in its URL: replaces the history entry (no new entry per click, so
 * Back leaves the page as before), keeping the path, the other parameters and the fragment.
 */
export function urlKeeper(defaultFocus: number | null = null): (s: ViewState) => void {
  return (s) => {
    const q = writeViewState(new URLSearchParams(location.search), s, defaultFocus);
    const search = q.toString();
    const next = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
    if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, "", next);
  };
}
