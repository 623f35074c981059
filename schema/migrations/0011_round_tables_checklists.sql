-- Round tables and the organiser's working checklists (docs/round-tables.md, docs/checklists.md).

-- A round table is a series of meetings under one title, in one region, run by one organiser.
CREATE TABLE round_table_series (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  region_code   TEXT NOT NULL REFERENCES regions(code),
  organiser_id  INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
  description   TEXT CHECK (description IS NULL OR length(description) <= 2000),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at    TEXT
);
CREATE INDEX round_table_series_region ON round_table_series(region_code);

-- A meeting is an event of kind 'round_table' (date, region, organiser), so its attendees are the
-- event's participants and form the event tie layer of the network like any other event's.
CREATE TABLE round_table_meetings (
  event_id    INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  series_id   INTEGER NOT NULL REFERENCES round_table_series(id) ON DELETE CASCADE,
  place       TEXT CHECK (place IS NULL OR length(place) <= 300),
  starts_at   TEXT CHECK (starts_at IS NULL OR starts_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  minutes_by  TEXT CHECK (minutes_by IS NULL OR length(minutes_by) <= 200),   -- who kept the minutes
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX round_table_meetings_series ON round_table_meetings(series_id);

-- The minutes of a meeting: decisions, and follow-up tasks (what, who, by when, done).
CREATE TABLE round_table_decisions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id    INTEGER NOT NULL REFERENCES round_table_meetings(event_id) ON DELETE CASCADE,
  text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX round_table_decisions_event ON round_table_decisions(event_id);

CREATE TABLE round_table_tasks (
  id                    INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id              INTEGER NOT NULL REFERENCES round_table_meetings(event_id) ON DELETE CASCADE,
  task                  TEXT NOT NULL CHECK (length(task) BETWEEN 1 AND 1000),
  -- Who: an attending organisation, a person's name (an organiser's note, not public), or both.
  owner_organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
  owner_name            TEXT CHECK (owner_name IS NULL OR length(owner_name) <= 200),
  due_on                TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  done_at               TEXT,
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX round_table_tasks_event ON round_table_tasks(event_id);

-- Checklists. The built-in template of each format lives in code (worker/checklists/templates.ts,
-- in German, English and Dutch); an organiser (an organisation that runs events) who changes it
-- gets its own copy here (copy-on-write), used for its events from then on.
CREATE TABLE checklist_templates (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  format        TEXT NOT NULL CHECK (format IN ('marketplace', 'action_day', 'social_day', 'action_72h', 'round_table')),
  organiser_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (organiser_id, format)
);

-- Items are due `offset_days` after the event's date (negative: before it). An item copied from
-- the built-in template keeps its key (and so its translations) until its text is changed.
CREATE TABLE checklist_template_items (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  template_id  INTEGER NOT NULL REFERENCES checklist_templates(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position BETWEEN 0 AND 199),
  builtin_key  TEXT CHECK (builtin_key IS NULL OR length(builtin_key) <= 64),
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  offset_days  INTEGER NOT NULL CHECK (offset_days BETWEEN -730 AND 730),
  UNIQUE (template_id, position)
);

-- An event's working copy: made once from a template, then ticked, assigned and extended. Due
-- dates are computed from the event's date when read, so a moved event moves its deadlines.
CREATE TABLE event_checklists (
  event_id     INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  template_id  INTEGER REFERENCES checklist_templates(id) ON DELETE SET NULL,   -- NULL: the built-in one
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE event_checklist_items (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id     INTEGER NOT NULL REFERENCES event_checklists(event_id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position BETWEEN 0 AND 199),
  builtin_key  TEXT CHECK (builtin_key IS NULL OR length(builtin_key) <= 64),
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  offset_days  INTEGER NOT NULL CHECK (offset_days BETWEEN -730 AND 730),
  assignee     TEXT CHECK (assignee IS NULL OR length(assignee) <= 200),
  done_at      TEXT,
  done_by      TEXT
);
CREATE INDEX event_checklist_items_event ON event_checklist_items(event_id, position);
