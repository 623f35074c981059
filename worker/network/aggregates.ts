/**
 * @module
 * Counts and B4SI/LBG-style inputs and outputs of a scope and window, computed in SQL
 * (docs/metrics.md "per region"). A cooperation counts in the window by its agreement date.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { NATIONAL, scopeCondition } from "./load";
import type { Window } from "./window";

const CONTRIBUTION_TYPES = ["time", "goods", "know_how", "premises", "transport", "network", "money"] as const;
const ORG_KINDS = ["company", "nonprofit", "public", "intermediary"] as const;
const EVENT_KINDS = ["action_day", "marketplace", "round_table", "action_72h", "social_day", "other"] as const;
const STATUSES = ["agreed", "done", "ongoing", "cancelled", "not_feasible"] as const;

export interface Aggregates {
  region: { code: string; name: string; kind: string; population: number | null };
  organisations: Record<(typeof ORG_KINDS)[number] | "total", number>;
  activeOrganisations: number;
  events: Record<(typeof EVENT_KINDS)[number] | "total", number>;
  cooperations: {
    total: number;
    byStatus: Record<(typeof STATUSES)[number], number>;
    byFormat: Record<(typeof EVENT_KINDS)[number] | "none", number>;
    /** done ÷ all deals agreed in the window (every status); null without deals. */
    fulfilmentRate: number | null;
    /** The same per format (e.g. marketplaces ≈ 0.7). */
    fulfilmentRateByFormat: Record<string, number | null>;
  };
  inputs: {
    volunteers: number;
    hours: number;
    valueEur: number;
    /** Value split evenly across a deal's contribution types ('unspecified' when none given). */
    valueByContributionType: Record<string, number>;
    peopleReached: number;
  };
  /** Figures per 100 000 inhabitants (null without population). */
  perHundredThousand: Record<"organisations" | "cooperations" | "volunteers" | "hours" | "valueEur" | "peopleReached", number | null> | null;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export async function loadAggregates(db: Db, scope: string, window: Window): Promise<Aggregates> {
  const coopScope = scopeCondition(sql`c.region_code`, scope);
  const region =
    scope === NATIONAL
      ? await db.get<Aggregates["region"]>(sql`SELECT 'DE' AS code, 'Deutschland' AS name, 'country' AS kind, total(population) AS population FROM regions WHERE kind = 'state' AND deleted_at IS NULL`)
      : await db.get<Aggregates["region"]>(sql`SELECT code, name, kind, population FROM regions WHERE code = ${scope}`);
  const orgRows = await db.all<{ kind: string; n: number }>(sql`
    SELECT kind, count(*) AS n FROM organisations o WHERE deleted_at IS NULL AND ${scopeCondition(sql`o.region_code`, scope)} GROUP BY kind`);
  const active = await db.get<{ n: number }>(sql`
    SELECT count(DISTINCT cp.organisation_id) AS n FROM cooperation_partners cp JOIN cooperations c ON c.id = cp.cooperation_id
    JOIN organisations o ON o.id = cp.organisation_id
    WHERE c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible') AND c.date_agreed BETWEEN ${window.from} AND ${window.to}
      AND ${scopeCondition(sql`o.region_code`, scope)}`);
  const eventRows = await db.all<{ kind: string; n: number }>(sql`
    SELECT kind, count(*) AS n FROM events e WHERE deleted_at IS NULL AND date BETWEEN ${window.from} AND ${window.to}
      AND ${scopeCondition(sql`e.region_code`, scope)} GROUP BY kind`);
  const coopRows = await db.all<{ status: string; format: string; n: number; volunteers: number; hours: number; value: number; people: number }>(sql`
    SELECT c.status, coalesce(e.kind, 'none') AS format, count(*) AS n, total(c.volunteers) AS volunteers, total(c.hours) AS hours,
           total(c.value_eur) AS value, total(c.people_reached) AS people
    FROM cooperations c LEFT JOIN events e ON e.id = c.event_id
    WHERE c.deleted_at IS NULL AND c.date_agreed BETWEEN ${window.from} AND ${window.to} AND ${coopScope}
    GROUP BY c.status, format`);
  const valueRows = await db.all<{ ctype: string; value: number }>(sql`
    SELECT CASE WHEN t.value = '' THEN 'unspecified' ELSE t.value END AS ctype,
           total(c.value_eur * 1.0 / (length(c.contribution_types) - length(replace(c.contribution_types, ',', '')) + 1)) AS value
    FROM cooperations c JOIN json_each('["' || replace(c.contribution_types, ',', '","') || '"]') t
    WHERE c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible') AND c.date_agreed BETWEEN ${window.from} AND ${window.to} AND ${coopScope}
    GROUP BY ctype`);

  const organisations = { ...zeros([...ORG_KINDS, "total"] as const) };
  for (const r of orgRows) {
    organisations[r.kind as (typeof ORG_KINDS)[number]] = r.n;
    organisations.total += r.n;
  }
  const events = { ...zeros([...EVENT_KINDS, "total"] as const) };
  for (const r of eventRows) {
    events[r.kind as (typeof EVENT_KINDS)[number]] = r.n;
    events.total += r.n;
  }
  const byStatus = zeros(STATUSES);
  const byFormat = zeros([...EVENT_KINDS, "none"] as const);
  const doneByFormat: Record<string, number> = {};
  const inputs = { volunteers: 0, hours: 0, valueEur: 0, valueByContributionType: {} as Record<string, number>, peopleReached: 0 };
  let total = 0;
  for (const r of coopRows) {
    total += r.n;
    byStatus[r.status as (typeof STATUSES)[number]] += r.n;
    byFormat[r.format as keyof typeof byFormat] += r.n;
    if (r.status === "done") doneByFormat[r.format] = (doneByFormat[r.format] ?? 0) + r.n;
    // Inputs and outputs count deals that happened or are happening, not cancelled ones.
    if (r.status !== "cancelled" && r.status !== "not_feasible") {
      inputs.volunteers += r.volunteers;
      inputs.hours += r.hours;
      inputs.valueEur += r.value;
      inputs.peopleReached += r.people;
    }
  }
  for (const r of valueRows) inputs.valueByContributionType[r.ctype] = r.value;
  const fulfilmentRateByFormat = Object.fromEntries(
    Object.entries(byFormat).map(([f, n]) => [f, n ? (doneByFormat[f] ?? 0) / n : null]),
  );
  const population = region?.population ?? null;
  const per = (x: number) => (population ? (x * 100_000) / population : null);
  return {
    region: region ?? { code: scope, name: scope, kind: "custom", population: null },
    organisations,
    activeOrganisations: active?.n ?? 0,
    events,
    cooperations: { total, byStatus, byFormat, fulfilmentRate: total ? byStatus.done / total : null, fulfilmentRateByFormat },
    inputs,
    perHundredThousand: population
      ? {
          organisations: per(organisations.total),
          cooperations: per(total),
          volunteers: per(inputs.volunteers),
          hours: per(inputs.hours),
          valueEur: per(inputs.valueEur),
          peopleReached: per(inputs.peopleReached),
        }
      : null,
  };
}
