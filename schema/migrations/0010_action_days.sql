-- Action days (docs/action-days.md): a local action day, social day or 72-hour action (events of
-- kind action_day, social_day, action_72h) where company teams work on non-profits' projects.
-- Non-profits submit projects and companies register teams by link; the organiser assigns teams to
-- projects (a suggestion the organiser adjusts); after the day each project's results become one
-- cooperation per company–non-profit pair, linked to the event.

-- More capability-link purposes (worker/links/capability.ts). SQLite cannot change a CHECK, so the
-- table is rebuilt with the same columns and rows. New purposes:
--   project_edit        subject = action_day_projects.id (a non-profit changes its project)
--   team_edit           subject = action_day_teams.id    (a company changes its team)
--   action_day_results  subject = action_day_projects.id (a non-profit enters its project's results)
--   round_table_minutes subject = round_table_meetings.id (reserved for round tables)
--   directory_edit      subject = the directory entry's id (reserved for the directory)
CREATE TABLE capability_links_next (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  purpose     TEXT NOT NULL CHECK (purpose IN ('registration_edit', 'deal_sheet', 'follow_up',
                'project_edit', 'team_edit', 'action_day_results', 'round_table_minutes', 'directory_edit')),
  subject_id  INTEGER NOT NULL,
  key_hash    TEXT NOT NULL UNIQUE,
  expires_at  TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  used_at     TEXT,
  revoked_at  TEXT
);
INSERT INTO capability_links_next (id, purpose, subject_id, key_hash, expires_at, created_at, used_at, revoked_at)
  SELECT id, purpose, subject_id, key_hash, expires_at, created_at, used_at, revoked_at FROM capability_links;
DROP TABLE capability_links;
ALTER TABLE capability_links_next RENAME TO capability_links;
CREATE INDEX capability_links_subject ON capability_links(purpose, subject_id);

-- The organiser's settings of an action day. events.date is its first day; every day from there
-- to end_date (inclusive) is a day of the action (one day for most, three for a 72-hour action).
CREATE TABLE action_days (
  event_id            INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  end_date            TEXT NOT NULL CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  registration_closes TEXT CHECK (registration_closes IS NULL OR registration_closes GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  -- Keys of the two public registration pages (in their URLs; public, not secrets, but not
  -- guessable, so events are not enumerated): one for non-profits' projects, one for teams.
  project_key         TEXT NOT NULL UNIQUE CHECK (length(project_key) BETWEEN 16 AND 64),
  team_key            TEXT NOT NULL UNIQUE CHECK (length(team_key) BETWEEN 16 AND 64),
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A non-profit's project. Who submitted it (name, postcode, contact with consent, and — once the
-- organiser approved it — the organisation) is its row in registrations (side 'nonprofit').
CREATE TABLE action_day_projects (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id          INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  registration_id   INTEGER NOT NULL UNIQUE REFERENCES registrations(id) ON DELETE CASCADE,
  title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description       TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  place             TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
  volunteers_wanted INTEGER NOT NULL CHECK (volunteers_wanted BETWEEN 1 AND 500),
  skills            TEXT NOT NULL DEFAULT '' CHECK (length(skills) <= 500),   -- comma list
  accessibility     TEXT CHECK (accessibility IS NULL OR length(accessibility) <= 500),
  bring             TEXT CHECK (bring IS NULL OR length(bring) <= 500),        -- what the team should bring
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX action_day_projects_event ON action_day_projects(event_id);

-- The days a project can take teams (each a day of its action day).
CREATE TABLE action_day_project_days (
  project_id INTEGER NOT NULL REFERENCES action_day_projects(id) ON DELETE CASCADE,
  day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  PRIMARY KEY (project_id, day)
) WITHOUT ROWID;

-- A company's team; the company is its row in registrations (side 'company'). day NULL: any day.
CREATE TABLE action_day_teams (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id         INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  registration_id  INTEGER NOT NULL UNIQUE REFERENCES registrations(id) ON DELETE CASCADE,
  name             TEXT CHECK (name IS NULL OR length(name) <= 200),
  size             INTEGER NOT NULL CHECK (size BETWEEN 1 AND 200),
  skills           TEXT NOT NULL DEFAULT '' CHECK (length(skills) <= 500),            -- comma list
  preferred_fields TEXT NOT NULL DEFAULT '' CHECK (length(preferred_fields) <= 500),  -- comma list
  day              TEXT CHECK (day IS NULL OR day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX action_day_teams_event ON action_day_teams(event_id);

-- Which team works on which project on which day, and why (the suggestion's reason, or the
-- organiser's move). A team works on one project; capacities are checked in
-- worker/action-days/assignment.ts before every write.
CREATE TABLE action_day_assignments (
  team_id    INTEGER PRIMARY KEY REFERENCES action_day_teams(id) ON DELETE CASCADE,
  event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  project_id INTEGER NOT NULL REFERENCES action_day_projects(id) ON DELETE CASCADE,
  day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  source     TEXT NOT NULL CHECK (source IN ('suggested', 'manual')),
  reason     TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX action_day_assignments_project ON action_day_assignments(project_id);
CREATE INDEX action_day_assignments_event ON action_day_assignments(event_id);

-- A project's results after the day, entered by the non-profit (action_day_results link) or the
-- organiser. Entering again replaces them; the pair cooperations made from them are updated, never
-- made twice (cooperations.source 'action_day' with external_ref 'action_day:<event>:<non-profit>:<company>').
CREATE TABLE action_day_results (
  project_id     INTEGER PRIMARY KEY REFERENCES action_day_projects(id) ON DELETE CASCADE,
  volunteers     INTEGER NOT NULL CHECK (volunteers BETWEEN 0 AND 10000),
  hours          REAL NOT NULL CHECK (hours BETWEEN 0 AND 100000),
  people_reached INTEGER NOT NULL CHECK (people_reached BETWEEN 0 AND 1000000),
  comment        TEXT CHECK (comment IS NULL OR length(comment) <= 2000),
  entered_by     TEXT NOT NULL,   -- 'token:<id>' or 'link:<capability id>'
  entered_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
