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
