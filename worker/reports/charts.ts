/**
 * @module
 * The report's charts as SVG, drawn on the server: they print without JavaScript and need no
 * inline style (colours are SVG presentation attributes, which the CSP does not restrict). Every
 * bar carries its value as text, so the printed chart is its own table; the same values are the
 * chart's description for screen readers.
 */
import { escapeHtml } from "../../dashboard/src/charts/model";
import { OKABE_ITO } from "../../dashboard/src/palette";
import type { Formatters } from "../../dashboard/src/i18n";
import type { TrendPoint } from "./figures";

const W = 640;

/** A "nice" upper end for an axis from 0 to `max` (1, 2 or 5 times a power of ten). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max)!;
}

/** Vertical bars of new cooperations per period; withheld periods are marked "< 3", unfinished ones pale. */
export function trendSvg(points: TrendPoint[], fmt: Formatters, periodLabel: (period: string) => string, labelId: string): string {
  const H = 230;
  const left = 44;
  const bottom = 28;
  const top = 18;
  const plotH = H - top - bottom;
  const values = points.map((p) => (typeof p.value === "number" ? p.value : 0));
  const max = niceMax(Math.max(...values, 0));
  const slot = (W - left - 8) / Math.max(points.length, 1);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max].map(
    (v) => `<line x1="${left}" x2="${W - 8}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#d0d4da" stroke-width="1"/><text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" class="tick">${escapeHtml(fmt.int(v))}</text>`,
  );
  const bars = points.map((p, i) => {
    const x = left + i * slot + slot * 0.15;
    const w = slot * 0.7;
    const cx = (x + w / 2).toFixed(1);
    const label = `<text x="${cx}" y="${H - bottom + 16}" text-anchor="middle" class="tick">${escapeHtml(periodLabel(p.period))}</text>`;
    if (typeof p.value !== "number") {
      const shown = p.value === null ? "–" : fmt.int(p.value);
      return `${label}<text x="${cx}" y="${(y(0) - 4).toFixed(1)}" text-anchor="middle" class="value withheld">${escapeHtml(shown)}</text>`;
    }
    const h = Math.max(y(0) - y(p.value), p.value > 0 ? 1 : 0);
    const fill = p.partial ? "#9cc3e4" : OKABE_ITO.blue;
    const bar = `<rect x="${x.toFixed(1)}" y="${(y(0) - h).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"${p.partial ? ' stroke="#0072b2" stroke-dasharray="3 2"' : ""}/>`;
    return `${bar}${label}<text x="${cx}" y="${(y(0) - h - 4).toFixed(1)}" text-anchor="middle" class="value">${escapeHtml(fmt.int(p.value))}</text>`;
  });
  const desc = points.map((p) => `${periodLabel(p.period)}: ${p.value === null ? "–" : fmt.int(p.value)}`).join("; ");
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${labelId}" aria-describedby="${labelId}-desc" data-chart="trend"><desc id="${labelId}-desc">${escapeHtml(desc)}</desc>${ticks.join("")}${bars.join("")}</svg>`;
}

/** Horizontal bars, one per row (cooperations per format, value per contribution type), each labelled with its value. */
export function barsSvg(rows: Array<{ label: string; value: number | "<3"; colour: string }>, show: (v: number | "<3") => string, labelId: string, name: string): string {
  const rowH = 26;
  const left = 170;
  const right = 90;
  const H = Math.max(rows.length, 1) * rowH + 8;
  const max = niceMax(Math.max(...rows.map((r) => (typeof r.value === "number" ? r.value : 0)), 0));
  const body = rows.map((r, i) => {
    const yTop = 4 + i * rowH;
    const text = `<text x="${left - 8}" y="${yTop + 17}" text-anchor="end" class="label">${escapeHtml(r.label)}</text>`;
    const n = typeof r.value === "number" ? r.value : 0;
    const w = ((W - left - right) * n) / max;
    const bar = n > 0 ? `<rect x="${left}" y="${yTop + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${r.colour}"/>` : "";
    return `${text}${bar}<text x="${(left + w + 6).toFixed(1)}" y="${yTop + 17}" class="value${typeof r.value === "number" ? "" : " withheld"}">${escapeHtml(show(r.value))}</text>`;
  });
  const desc = rows.map((r) => `${r.label}: ${show(r.value)}`).join("; ");
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${labelId}" aria-describedby="${labelId}-desc" data-chart="${name}"><desc id="${labelId}-desc">${escapeHtml(desc)}</desc>${body.join("")}</svg>`;
}
