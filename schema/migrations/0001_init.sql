-- Kooperationsatlas core schema. Migrations are the only source of the schema;
-- worker/db/tables.ts mirrors it for typed drizzle queries.

CREATE TABLE regions (
  code             TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind             TEXT NOT NULL CHECK (kind IN ('state', 'district', 'custom')),
  parent_code      TEXT REFERENCES regions(code),
  population       INTEGER CHECK (population IS NULL OR population >= 0),
  nuts3            TEXT,
  boundary_vintage TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at       TEXT
);
CREATE INDEX regions_parent ON regions(parent_code);

CREATE TABLE organisations (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  kind          TEXT NOT NULL CHECK (kind IN ('company', 'nonprofit', 'public', 'intermediary')),
  region_code   TEXT NOT NULL REFERENCES regions(code),
  postcode      TEXT CHECK (postcode IS NULL OR length(postcode) <= 10),
  field         TEXT,   -- field of work (non-profits)
  industry      TEXT,   -- industry (companies)
  size_class    TEXT CHECK (size_class IS NULL OR size_class IN ('micro', 'small', 'medium', 'large')),
  is_public     INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
  contact_name  TEXT,   -- personal data: never in public output
  contact_email TEXT,   -- personal data: never in public output
  source        TEXT NOT NULL DEFAULT 'manual',
  external_ref  TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at    TEXT
);
CREATE UNIQUE INDEX organisations_external_ref ON organisations(source, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX organisations_region ON organisations(region_code, kind);
CREATE INDEX organisations_name ON organisations(name COLLATE NOCASE);

CREATE TABLE events (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  kind            TEXT NOT NULL CHECK (kind IN ('action_day', 'marketplace', 'round_table', 'action_72h', 'social_day', 'other')),
  title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  region_code     TEXT NOT NULL REFERENCES regions(code),
  organiser_id    INTEGER REFERENCES organisations(id),
  source          TEXT NOT NULL DEFAULT 'manual',
  external_ref    TEXT,
  notes           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at      TEXT
);
CREATE UNIQUE INDEX events_external_ref ON events(source, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX events_region_date ON events(region_code, date);

CREATE TABLE event_participants (
  event_id        INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX event_participants_org ON event_participants(organisation_id);

CREATE TABLE cooperations (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  region_code    TEXT NOT NULL REFERENCES regions(code),  -- where the cooperation happens
  event_id       INTEGER REFERENCES events(id),
  date_agreed    TEXT NOT NULL CHECK (date_agreed GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  date_done      TEXT CHECK (date_done IS NULL OR date_done GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status         TEXT NOT NULL CHECK (status IN ('agreed', 'done', 'ongoing', 'cancelled', 'not_feasible')),
  contribution_types TEXT NOT NULL DEFAULT '',  -- comma list of time,goods,know_how,premises,network,money
  volunteers     INTEGER NOT NULL DEFAULT 0 CHECK (volunteers >= 0),
  hours          REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
  value_eur      REAL NOT NULL DEFAULT 0 CHECK (value_eur >= 0),
  people_reached INTEGER NOT NULL DEFAULT 0 CHECK (people_reached >= 0),
  target_groups  TEXT,
  gives_back     TEXT,   -- what the non-profit gives back
  follow_up_of   INTEGER REFERENCES cooperations(id),
  source         TEXT NOT NULL DEFAULT 'manual',
  external_ref   TEXT,
  notes          TEXT,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at     TEXT,
  CHECK (date_done IS NULL OR date_done >= date_agreed)
);
CREATE UNIQUE INDEX cooperations_external_ref ON cooperations(source, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX cooperations_region_date ON cooperations(region_code, date_agreed);
CREATE INDEX cooperations_event ON cooperations(event_id);

-- n >= 2 partners per cooperation; every pair of partners forms a tie.
CREATE TABLE cooperation_partners (
  cooperation_id  INTEGER NOT NULL REFERENCES cooperations(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  PRIMARY KEY (cooperation_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX cooperation_partners_org ON cooperation_partners(organisation_id, cooperation_id);

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  token_hash   TEXT NOT NULL UNIQUE,  -- SHA-256 hex of the secret; the secret itself is never stored
  role         TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'funder')),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_used_at TEXT,
  revoked_at   TEXT
);

CREATE TABLE api_token_regions (
  token_id    INTEGER NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
  region_code TEXT NOT NULL REFERENCES regions(code),
  PRIMARY KEY (token_id, region_code)
) WITHOUT ROWID;

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor       TEXT NOT NULL,          -- "token:<id>" or "bootstrap"
  role        TEXT NOT NULL,
  action      TEXT NOT NULL,          -- create, update, delete, purge, bulk_upsert, ...
  entity      TEXT NOT NULL,          -- regions, organisations, events, cooperations, tokens
  entity_id   TEXT,
  region_code TEXT,
  detail      TEXT                    -- JSON: changed fields / counts
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_at ON audit_log(at);

-- Data revision per region: bumped by every write touching the region, read by snapshots.
CREATE TABLE region_revisions (
  region_code TEXT PRIMARY KEY REFERENCES regions(code),
  revision    INTEGER NOT NULL DEFAULT 0,
  changed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
