/**
 * @module
 * The short summary in words at the top of a region page ("Jena hat 2,4-mal so viele Kooperationen
 * je Einwohner wie Deutschland; 12 neue Partnerschaften in diesem Jahr"). Built only from the
 * figures the page received: a withheld figure ("<3", or a null rate) is never put into words —
 * the sentence that would need it is left out, so the words tell no more than the tiles.
 */
import type { Formatters, Translate } from "./i18n";

export interface Comparison {
  name: string;
  /** Cooperations per 100 000 inhabitants as the viewer may see them (null: withheld or no population). */
  perHundredThousand: number | null;
}

export interface SummaryInput {
  region: Comparison;
  /** The state the region lies in (null for a state itself or a region without one), then the country. */
  state: Comparison | null;
  country: Comparison;
  /** New partnerships (first deal of a pair) in the period's months; null when any month is withheld. */
  newPairs: number | null;
  /** How the period is named in the sentence on new partnerships. */
  span: { kind: "thisYear" } | { kind: "year"; year: number } | { kind: "months"; from: string; to: string };
}

/** A region's rate against another's: a ratio that can be said ("2,4-mal"); null when either is unknown or zero. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

/** "2,4-mal so viele", "etwa so viele" (within 5 %), in the reader's language. */
function howMany(t: Translate, f: Formatters, r: number): string {
  if (Math.abs(r - 1) < 0.05) return t("sumAboutAsMany");
  return t("sumTimesAsMany", { x: f.dec1(r) });
}

/** The sentences of the summary (none when nothing can be said from visible figures). */
export function summarySentences(t: Translate, f: Formatters, s: SummaryInput, monthName: (ym: string) => string): string[] {
  const out: string[] = [];
  const toCountry = ratio(s.region.perHundredThousand, s.country.perHundredThousand);
  const toState = s.state ? ratio(s.region.perHundredThousand, s.state.perHundredThousand) : null;
  if (toCountry !== null) {
    const first = t("sumRate", { region: s.region.name, howMany: howMany(t, f, toCountry), other: s.country.name });
    out.push(toState !== null && s.state ? `${first}${t("sumRateAlso", { howMany: howMany(t, f, toState), other: s.state.name })}.` : `${first}.`);
  } else if (toState !== null && s.state) {
    out.push(`${t("sumRate", { region: s.region.name, howMany: howMany(t, f, toState), other: s.state.name })}.`);
  }
  if (s.newPairs !== null) {
    const when =
      s.span.kind === "thisYear"
        ? t("sumThisYear")
        : s.span.kind === "year"
          ? t("sumInYear", { year: String(s.span.year) })
          : t("sumMonths", { from: monthName(s.span.from), to: monthName(s.span.to) });
    out.push(`${t(s.newPairs === 1 ? "sumNewPairsOne" : "sumNewPairs", { n: f.int(s.newPairs), when })}.`);
  }
  return out;
}
