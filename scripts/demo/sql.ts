/**
 * @module
 * Demo rows as SQL for `wrangler d1 execute --file`: multi-row INSERTs with explicit ids, at most
 * 100 rows and about 90 KB per statement (D1 limits a statement to 100 KB).
 */
import { ACTION_DAY_SQL } from "./action-days";
import type { DemoBatch, DemoTableName, DemoTables } from "./model";

type SqlValue = string | number | boolean | null;
type Columns<R> = ReadonlyArray<readonly [column: string, get: (row: R) => SqlValue]>;
type RowOf<K extends DemoTableName> = DemoTables[K][number];

const TABLES: { [K in DemoTableName]: { table: string; columns: Columns<RowOf<K>> } } = {
  ...ACTION_DAY_SQL,
  organisations: {
    table: "organisations",
    columns: [
      ["id", (r) => r.id], ["name", (r) => r.name], ["kind", (r) => r.kind], ["region_code", (r) => r.regionCode], ["postcode", (r) => r.postcode],
      ["field", (r) => r.field], ["industry", (r) => r.industry], ["size_class", (r) => r.sizeClass], ["is_public", (r) => r.isPublic],
      ["contact_name", (r) => r.contactName], ["contact_email", (r) => r.contactEmail], ["source", (r) => r.source],
      ["external_ref", (r) => r.externalRef], ["created_at", (r) => r.createdAt], ["updated_at", (r) => r.updatedAt],
    ],
  },
  events: {
    table: "events",
    columns: [
      ["id", (r) => r.id], ["kind", (r) => r.kind], ["title", (r) => r.title], ["date", (r) => r.date], ["region_code", (r) => r.regionCode],
      ["organiser_id", (r) => r.organiserId], ["source", (r) => r.source], ["external_ref", (r) => r.externalRef], ["notes", (r) => r.notes],
      ["created_at", (r) => r.createdAt], ["updated_at", (r) => r.updatedAt],
    ],
  },
  eventParticipants: {
    table: "event_participants",
    columns: [["event_id", (r) => r.eventId], ["organisation_id", (r) => r.organisationId]],
  },
  cooperations: {
    table: "cooperations",
    columns: [
      ["id", (r) => r.id], ["region_code", (r) => r.regionCode], ["event_id", (r) => r.eventId], ["date_agreed", (r) => r.dateAgreed],
      ["date_done", (r) => r.dateDone], ["status", (r) => r.status], ["contribution_types", (r) => r.contributionTypes],
      ["volunteers", (r) => r.volunteers], ["hours", (r) => r.hours], ["value_eur", (r) => r.valueEur], ["people_reached", (r) => r.peopleReached],
      ["target_groups", (r) => r.targetGroups], ["gives_back", (r) => r.givesBack], ["follow_up_of", (r) => r.followUpOf],
      ["source", (r) => r.source], ["external_ref", (r) => r.externalRef], ["notes", (r) => r.notes], ["created_at", (r) => r.createdAt],
      ["updated_at", (r) => r.updatedAt],
    ],
  },
  cooperationPartners: {
    table: "cooperation_partners",
    columns: [["cooperation_id", (r) => r.cooperationId], ["organisation_id", (r) => r.organisationId]],
  },
  regionRevisions: {
    table: "region_revisions",
    columns: [["region_code", (r) => r.regionCode], ["revision", (r) => r.revision]],
  },
  marketplaces: {
    table: "marketplaces",
    columns: [
      ["event_id", (r) => r.eventId], ["place", (r) => r.place], ["hall_opens", (r) => r.hallOpens], ["hall_closes", (r) => r.hallCloses], ["capacity", (r) => r.capacity],
      ["registration_opens", (r) => r.registrationOpens], ["registration_closes", (r) => r.registrationCloses], ["money_allowed", (r) => r.moneyAllowed],
      ["follow_up_months", (r) => r.followUpMonths], ["registration_key", (r) => r.registrationKey], ["created_at", (r) => r.createdAt], ["updated_at", (r) => r.updatedAt],
    ],
  },
  eventModerators: {
    table: "event_moderators",
    columns: [["id", (r) => r.id], ["event_id", (r) => r.eventId], ["name", (r) => r.name]],
  },
  registrations: {
    table: "registrations",
    columns: [
      ["id", (r) => r.id], ["event_id", (r) => r.eventId], ["side", (r) => r.side], ["org_name", (r) => r.orgName], ["postcode", (r) => r.postcode],
      ["field", (r) => r.field], ["industry", (r) => r.industry], ["candidate_organisation_id", (r) => r.candidateOrganisationId],
      ["organisation_id", (r) => r.organisationId], ["status", (r) => r.status], ["contact_name", (r) => r.contactName], ["contact_email", (r) => r.contactEmail],
      ["consent_text", (r) => r.consentText], ["consent_at", (r) => r.consentAt], ["locale", (r) => r.locale], ["created_at", (r) => r.createdAt], ["updated_at", (r) => r.updatedAt],
    ],
  },
  registrationItems: {
    table: "registration_items",
    columns: [
      ["id", (r) => r.id], ["registration_id", (r) => r.registrationId], ["kind", (r) => r.kind], ["contribution_type", (r) => r.contributionType],
      ["description", (r) => r.description], ["quantity", (r) => r.quantity], ["hours", (r) => r.hours], ["wanted_when", (r) => r.wantedWhen], ["tags", (r) => r.tags],
    ],
  },
  matchDecisions: {
    table: "match_decisions",
    columns: [
      ["event_id", (r) => r.eventId], ["need_item_id", (r) => r.needItemId], ["offer_item_id", (r) => r.offerItemId], ["state", (r) => r.state],
      ["moderator_id", (r) => r.moderatorId], ["talk_slot", (r) => r.talkSlot], ["decided_by", (r) => r.decidedBy], ["decided_at", (r) => r.decidedAt],
    ],
  },
  eventDeals: {
    table: "event_deals",
    columns: [
      ["cooperation_id", (r) => r.cooperationId], ["event_id", (r) => r.eventId], ["client_id", (r) => r.clientId], ["need_item_id", (r) => r.needItemId],
      ["offer_item_id", (r) => r.offerItemId], ["agreed_text", (r) => r.agreedText], ["due_by", (r) => r.dueBy], ["recorded_by", (r) => r.recordedBy], ["created_at", (r) => r.createdAt],
    ],
  },
  followUpRequests: {
    table: "follow_up_requests",
    columns: [
      ["id", (r) => r.id], ["cooperation_id", (r) => r.cooperationId], ["organisation_id", (r) => r.organisationId], ["round_months", (r) => r.roundMonths],
      ["due_on", (r) => r.dueOn], ["sent_at", (r) => r.sentAt], ["sent_via", (r) => r.sentVia], ["reminders", (r) => r.reminders],
      ["last_reminded_at", (r) => r.lastRemindedAt], ["answered_at", (r) => r.answeredAt], ["answered_by", (r) => r.answeredBy], ["outcome", (r) => r.outcome],
      ["hours", (r) => r.hours], ["volunteers", (r) => r.volunteers], ["people_reached", (r) => r.peopleReached], ["would_repeat", (r) => r.wouldRepeat], ["comment", (r) => r.comment],
    ],
  },
  roundTableSeries: {
    table: "round_table_series",
    columns: [
      ["id", (r) => r.id], ["title", (r) => r.title], ["region_code", (r) => r.regionCode], ["organiser_id", (r) => r.organiserId], ["description", (r) => r.description],
      ["created_at", (r) => r.createdAt], ["updated_at", (r) => r.updatedAt],
    ],
  },
  roundTableMeetings: {
    table: "round_table_meetings",
    columns: [["event_id", (r) => r.eventId], ["series_id", (r) => r.seriesId], ["place", (r) => r.place], ["starts_at", (r) => r.startsAt], ["minutes_by", (r) => r.minutesBy], ["created_at", (r) => r.createdAt]],
  },
  roundTableDecisions: {
    table: "round_table_decisions",
    columns: [["id", (r) => r.id], ["event_id", (r) => r.eventId], ["text", (r) => r.text], ["created_at", (r) => r.createdAt]],
  },
  roundTableTasks: {
    table: "round_table_tasks",
    columns: [
      ["id", (r) => r.id], ["event_id", (r) => r.eventId], ["task", (r) => r.task], ["owner_organisation_id", (r) => r.ownerOrganisationId], ["owner_name", (r) => r.ownerName],
      ["due_on", (r) => r.dueOn], ["done_at", (r) => r.doneAt], ["created_at", (r) => r.createdAt], ["updated_at", (r) => r.updatedAt],
    ],
  },
  eventChecklists: {
    table: "event_checklists",
    columns: [["event_id", (r) => r.eventId], ["template_id", (r) => r.templateId], ["created_at", (r) => r.createdAt]],
  },
  eventChecklistItems: {
    table: "event_checklist_items",
    columns: [
      ["id", (r) => r.id], ["event_id", (r) => r.eventId], ["position", (r) => r.position], ["builtin_key", (r) => r.builtinKey], ["title", (r) => r.title],
      ["offset_days", (r) => r.offsetDays], ["assignee", (r) => r.assignee], ["done_at", (r) => r.doneAt], ["done_by", (r) => r.doneBy],
    ],
  },
};

export const MAX_ROWS_PER_STATEMENT = 100;
export const MAX_BYTES_PER_STATEMENT = 90_000;

function literal(v: SqlValue): string {
  if (v === null) return "NULL";
  if (typeof v === "boolean") return v ? "1" : "0";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`demo SQL: non-finite number ${v}`);
    return String(v);
  }
  return `'${v.replaceAll("'", "''")}'`;
}

/** UTF-8 length of a string without allocating. */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2; // surrogate pairs: 4 bytes for 2 units
  }
  return n;
}

/** INSERT statements (each ending in ";\n") for a stream of demo batches, in the same order. */
export function* demoSqlStatements(batches: Iterable<DemoBatch>): Generator<string> {
  for (const batch of batches) {
    const spec = TABLES[batch.table] as { table: string; columns: Columns<unknown> };
    const head = `INSERT INTO ${spec.table} (${spec.columns.map(([c]) => c).join(", ")}) VALUES\n`;
    let tuples: string[] = [];
    let bytes = utf8Length(head);
    for (const row of batch.rows as unknown[]) {
      const tuple = `(${spec.columns.map(([, get]) => literal(get(row))).join(", ")})`;
      const size = utf8Length(tuple) + 2;
      if (tuples.length && (tuples.length >= MAX_ROWS_PER_STATEMENT || bytes + size > MAX_BYTES_PER_STATEMENT)) {
        yield head + tuples.join(",\n") + ";\n";
        tuples = [];
        bytes = utf8Length(head);
      }
      tuples.push(tuple);
      bytes += size;
    }
    if (tuples.length) yield head + tuples.join(",\n") + ";\n";
  }
}
