/**
 * @module
 * Drizzle mirror of schema/migrations (the migrations are the source of truth; keep in step).
 */
import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const regions = sqliteTable("regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["state", "district", "custom"] }).notNull(),
  parentCode: text("parent_code"),
  population: integer("population"),
  nuts3: text("nuts3"),
  boundaryVintage: text("boundary_vintage"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  deletedAt: text("deleted_at"),
});

export const organisations = sqliteTable("organisations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["company", "nonprofit", "public", "intermediary"] }).notNull(),
  regionCode: text("region_code").notNull(),
  postcode: text("postcode"),
  field: text("field"),
  industry: text("industry"),
  sizeClass: text("size_class", { enum: ["micro", "small", "medium", "large"] }),
  isPublic: integer("is_public", { mode: "boolean" }).notNull(),
  contactName: text("contact_name"),
  contactEmail: text("contact_email"),
  source: text("source").notNull(),
  externalRef: text("external_ref"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  deletedAt: text("deleted_at"),
});

export const events = sqliteTable("events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind", { enum: ["action_day", "marketplace", "round_table", "action_72h", "social_day", "other"] }).notNull(),
  title: text("title").notNull(),
  date: text("date").notNull(),
  regionCode: text("region_code").notNull(),
  organiserId: integer("organiser_id"),
  source: text("source").notNull(),
  externalRef: text("external_ref"),
  notes: text("notes"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  deletedAt: text("deleted_at"),
});

export const eventParticipants = sqliteTable(
  "event_participants",
  {
    eventId: integer("event_id").notNull(),
    organisationId: integer("organisation_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organisationId] })],
);

export const cooperations = sqliteTable("cooperations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  regionCode: text("region_code").notNull(),
  eventId: integer("event_id"),
  dateAgreed: text("date_agreed").notNull(),
  dateDone: text("date_done"),
  status: text("status", { enum: ["agreed", "done", "ongoing", "cancelled", "not_feasible"] }).notNull(),
  contributionTypes: text("contribution_types").notNull(),
  volunteers: integer("volunteers").notNull(),
  hours: real("hours").notNull(),
  valueEur: real("value_eur").notNull(),
  peopleReached: integer("people_reached").notNull(),
  targetGroups: text("target_groups"),
  givesBack: text("gives_back"),
  followUpOf: integer("follow_up_of"),
  source: text("source").notNull(),
  externalRef: text("external_ref"),
  notes: text("notes"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  deletedAt: text("deleted_at"),
});

export const cooperationPartners = sqliteTable(
  "cooperation_partners",
  {
    cooperationId: integer("cooperation_id").notNull(),
    organisationId: integer("organisation_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cooperationId, t.organisationId] })],
);

export const apiTokens = sqliteTable("api_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull(),
  role: text("role", { enum: ["admin", "coordinator", "funder"] }).notNull(),
  createdAt: text("created_at").notNull(),
  lastUsedAt: text("last_used_at"),
  revokedAt: text("revoked_at"),
});

export const apiTokenRegions = sqliteTable(
  "api_token_regions",
  {
    tokenId: integer("token_id").notNull(),
    regionCode: text("region_code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.regionCode] })],
);

export const auditLog = sqliteTable("audit_log", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  at: text("at").notNull(),
  actor: text("actor").notNull(),
  role: text("role").notNull(),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id"),
  regionCode: text("region_code"),
  detail: text("detail"),
});

export const regionRevisions = sqliteTable("region_revisions", {
  regionCode: text("region_code").primaryKey(),
  revision: integer("revision").notNull(),
  changedAt: text("changed_at").notNull(),
});

// The marketplace loop (schema/migrations/0008_marketplace.sql, docs/marketplace.md).

const CONTRIBUTION_TYPES = ["time", "goods", "know_how", "premises", "transport", "network", "money"] as const;

export const capabilityLinks = sqliteTable("capability_links", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  purpose: text("purpose", {
    enum: ["registration_edit", "deal_sheet", "follow_up", "project_edit", "team_edit", "action_day_results", "round_table_minutes", "directory_edit"],
  }).notNull(),
  subjectId: integer("subject_id").notNull(),
  keyHash: text("key_hash").notNull(),
  expiresAt: text("expires_at").notNull(),
  createdAt: text("created_at").notNull(),
  usedAt: text("used_at"),
  revokedAt: text("revoked_at"),
});

export const marketplaces = sqliteTable("marketplaces", {
  eventId: integer("event_id").primaryKey(),
  place: text("place").notNull(),
  hallOpens: text("hall_opens"),
  hallCloses: text("hall_closes"),
  capacity: integer("capacity"),
  registrationOpens: text("registration_opens"),
  registrationCloses: text("registration_closes"),
  moneyAllowed: integer("money_allowed", { mode: "boolean" }).notNull(),
  followUpMonths: text("follow_up_months").notNull(),
  registrationKey: text("registration_key").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const eventModerators = sqliteTable("event_moderators", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  eventId: integer("event_id").notNull(),
  name: text("name").notNull(),
});

export const registrations = sqliteTable("registrations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  eventId: integer("event_id").notNull(),
  side: text("side", { enum: ["nonprofit", "company"] }).notNull(),
  orgName: text("org_name").notNull(),
  postcode: text("postcode"),
  field: text("field"),
  industry: text("industry"),
  candidateOrganisationId: integer("candidate_organisation_id"),
  organisationId: integer("organisation_id"),
  status: text("status", { enum: ["pending", "approved", "rejected", "withdrawn"] }).notNull(),
  contactName: text("contact_name"),
  contactEmail: text("contact_email"),
  consentText: text("consent_text"),
  consentAt: text("consent_at"),
  locale: text("locale", { enum: ["de", "en", "nl"] }).notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const registrationItems = sqliteTable("registration_items", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  registrationId: integer("registration_id").notNull(),
  kind: text("kind", { enum: ["need", "offer"] }).notNull(),
  contributionType: text("contribution_type", { enum: CONTRIBUTION_TYPES }).notNull(),
  description: text("description").notNull(),
  quantity: real("quantity"),
  hours: real("hours"),
  wantedWhen: text("wanted_when"),
  tags: text("tags").notNull(),
});

export const matchDecisions = sqliteTable(
  "match_decisions",
  {
    eventId: integer("event_id").notNull(),
    needItemId: integer("need_item_id").notNull(),
    offerItemId: integer("offer_item_id").notNull(),
    state: text("state", { enum: ["pinned", "dismissed"] }).notNull(),
    moderatorId: integer("moderator_id"),
    talkSlot: text("talk_slot"),
    decidedBy: text("decided_by").notNull(),
    decidedAt: text("decided_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.needItemId, t.offerItemId] })],
);

export const eventDeals = sqliteTable("event_deals", {
  cooperationId: integer("cooperation_id").primaryKey(),
  eventId: integer("event_id").notNull(),
  clientId: text("client_id").notNull(),
  needItemId: integer("need_item_id"),
  offerItemId: integer("offer_item_id"),
  agreedText: text("agreed_text").notNull(),
  dueBy: text("due_by"),
  recordedBy: text("recorded_by").notNull(),
  createdAt: text("created_at").notNull(),
});

export const followUpRequests = sqliteTable("follow_up_requests", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  cooperationId: integer("cooperation_id").notNull(),
  organisationId: integer("organisation_id").notNull(),
  roundMonths: integer("round_months").notNull(),
  dueOn: text("due_on").notNull(),
  sentAt: text("sent_at"),
  sentVia: text("sent_via", { enum: ["mail", "download"] }),
  reminders: integer("reminders").notNull(),
  lastRemindedAt: text("last_reminded_at"),
  answeredAt: text("answered_at"),
  answeredBy: text("answered_by"),
  outcome: text("outcome", { enum: ["done", "ongoing", "not_feasible"] }),
  hours: real("hours"),
  volunteers: integer("volunteers"),
  peopleReached: integer("people_reached"),
  wouldRepeat: integer("would_repeat", { mode: "boolean" }),
  comment: text("comment"),
});
