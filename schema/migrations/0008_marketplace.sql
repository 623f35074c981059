-- The marketplace loop (docs/marketplace.md): running the event is the data entry. An event of
-- kind 'marketplace' gets a workspace; organisations register by link with needs and offers; the
-- matching board's decisions are kept; deals made in the hall become cooperations; months later
-- each partner answers a follow-up through its own link.

-- Public links are capabilities (docs/privacy.md, "Links"): random secrets, stored only as their
-- SHA-256, good for one purpose and one subject, expiring. The purposes:
--   registration_edit  subject = registrations.id  (a registrant changes its own entry)
--   deal_sheet         subject = events.id         (phones in the hall record deals for the event)
--   follow_up          subject = follow_up_requests.id (a partner answers once)
CREATE TABLE capability_links (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  purpose     TEXT NOT NULL CHECK (purpose IN ('registration_edit', 'deal_sheet', 'follow_up')),
  subject_id  INTEGER NOT NULL,
  key_hash    TEXT NOT NULL UNIQUE,
  expires_at  TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  used_at     TEXT,      -- single-use purposes: set when the link did its one job
  revoked_at  TEXT
);
CREATE INDEX capability_links_subject ON capability_links(purpose, subject_id);

-- The organiser's settings of a marketplace event (one row per event of kind 'marketplace').
CREATE TABLE marketplaces (
  event_id            INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  place               TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
  hall_opens          TEXT CHECK (hall_opens IS NULL OR hall_opens GLOB '[0-2][0-9]:[0-5][0-9]'),
  hall_closes         TEXT CHECK (hall_closes IS NULL OR hall_closes GLOB '[0-2][0-9]:[0-5][0-9]'),
  capacity            INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 5000),
  registration_opens  TEXT CHECK (registration_opens IS NULL OR registration_opens GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  registration_closes TEXT CHECK (registration_closes IS NULL OR registration_closes GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  -- House rule "money is not traded here" (the common one): the money contribution type is hidden.
  money_allowed       INTEGER NOT NULL DEFAULT 0 CHECK (money_allowed IN (0, 1)),
  -- Months after a deal's date "by when" at which its partners are asked, comma list, e.g. '3,6'.
  follow_up_months    TEXT NOT NULL DEFAULT '3,6',
  -- The published registration page's key (in its URL; public, not a secret, but not guessable,
  -- so events are not enumerated).
  registration_key    TEXT NOT NULL UNIQUE CHECK (length(registration_key) BETWEEN 16 AND 64),
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (registration_closes IS NULL OR registration_opens IS NULL OR registration_closes >= registration_opens)
);

CREATE TABLE event_moderators (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  UNIQUE (event_id, name)
);

-- A registration by link: what the registrant typed about its organisation, and — once the
-- organiser approved it — the organisation it counts for (an existing one it was matched to, or
-- one created from it). Contact persons are stored only with consent, with the consent's text.
CREATE TABLE registrations (
  id                        INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id                  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  side                      TEXT NOT NULL CHECK (side IN ('nonprofit', 'company')),
  org_name                  TEXT NOT NULL CHECK (length(org_name) BETWEEN 1 AND 300),
  postcode                  TEXT CHECK (postcode IS NULL OR length(postcode) <= 10),
  field                     TEXT CHECK (field IS NULL OR length(field) <= 100),
  industry                  TEXT CHECK (industry IS NULL OR length(industry) <= 100),
  candidate_organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
  organisation_id           INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
  status                    TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  contact_name              TEXT CHECK (contact_name IS NULL OR length(contact_name) <= 200),
  contact_email             TEXT CHECK (contact_email IS NULL OR length(contact_email) <= 254),
  consent_text              TEXT,
  consent_at                TEXT,
  locale                    TEXT NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en', 'nl')),
  created_at                TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at                TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((contact_name IS NULL AND contact_email IS NULL) OR (consent_at IS NOT NULL AND consent_text IS NOT NULL)),
  CHECK (status <> 'approved' OR organisation_id IS NOT NULL)
);
CREATE INDEX registrations_event ON registrations(event_id, status);
CREATE INDEX registrations_organisation ON registrations(organisation_id);

-- Needs (non-profits) and offers (companies) as structured items.
CREATE TABLE registration_items (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id   INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  kind              TEXT NOT NULL CHECK (kind IN ('need', 'offer')),
  contribution_type TEXT NOT NULL CHECK (contribution_type IN ('time', 'goods', 'know_how', 'premises', 'transport', 'network', 'money')),
  description       TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  quantity          REAL CHECK (quantity IS NULL OR quantity >= 0),
  hours             REAL CHECK (hours IS NULL OR hours >= 0),
  wanted_when       TEXT CHECK (wanted_when IS NULL OR length(wanted_when) <= 200),
  tags              TEXT NOT NULL DEFAULT ''   -- comma list of field/industry tags
);
CREATE INDEX registration_items_registration ON registration_items(registration_id);

-- The organiser's decisions on the matching board; suggestions themselves are computed.
CREATE TABLE match_decisions (
  event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  need_item_id  INTEGER NOT NULL REFERENCES registration_items(id) ON DELETE CASCADE,
  offer_item_id INTEGER NOT NULL REFERENCES registration_items(id) ON DELETE CASCADE,
  state         TEXT NOT NULL CHECK (state IN ('pinned', 'dismissed')),
  moderator_id  INTEGER REFERENCES event_moderators(id) ON DELETE SET NULL,
  talk_slot     TEXT CHECK (talk_slot IS NULL OR talk_slot GLOB '[0-2][0-9]:[0-5][0-9]'),
  decided_by    TEXT NOT NULL,
  decided_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (need_item_id, offer_item_id)
) WITHOUT ROWID;
CREATE INDEX match_decisions_event ON match_decisions(event_id);

-- A deal written in the hall: the cooperation it became, plus what only the deal sheet holds.
-- client_id is made on the phone, so a deal sent twice (offline queue, retries) is stored once.
CREATE TABLE event_deals (
  cooperation_id INTEGER PRIMARY KEY REFERENCES cooperations(id) ON DELETE CASCADE,
  event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  client_id      TEXT NOT NULL UNIQUE CHECK (length(client_id) BETWEEN 8 AND 64),
  need_item_id   INTEGER REFERENCES registration_items(id) ON DELETE SET NULL,
  offer_item_id  INTEGER REFERENCES registration_items(id) ON DELETE SET NULL,
  agreed_text    TEXT NOT NULL CHECK (length(agreed_text) BETWEEN 1 AND 2000),
  due_by         TEXT CHECK (due_by IS NULL OR due_by GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  recorded_by    TEXT NOT NULL,   -- 'token:<id>' or 'link:<capability id>'
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX event_deals_event ON event_deals(event_id);

-- One request per partner, deal and round (months after "by when"); answered through a
-- follow_up capability link. The answer updates the cooperation (audited); answers of partners
-- that disagree are kept side by side for the organiser.
CREATE TABLE follow_up_requests (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  cooperation_id  INTEGER NOT NULL REFERENCES cooperations(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  round_months    INTEGER NOT NULL CHECK (round_months BETWEEN 1 AND 36),
  due_on          TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  sent_at         TEXT,
  sent_via        TEXT CHECK (sent_via IS NULL OR sent_via IN ('mail', 'download')),
  reminders       INTEGER NOT NULL DEFAULT 0 CHECK (reminders >= 0),
  last_reminded_at TEXT,
  answered_at     TEXT,
  answered_by     TEXT CHECK (answered_by IS NULL OR length(answered_by) <= 200),
  outcome         TEXT CHECK (outcome IS NULL OR outcome IN ('done', 'ongoing', 'not_feasible')),
  hours           REAL CHECK (hours IS NULL OR hours >= 0),
  volunteers      INTEGER CHECK (volunteers IS NULL OR volunteers >= 0),
  people_reached  INTEGER CHECK (people_reached IS NULL OR people_reached >= 0),
  would_repeat    INTEGER CHECK (would_repeat IS NULL OR would_repeat IN (0, 1)),
  comment         TEXT CHECK (comment IS NULL OR length(comment) <= 2000),
  UNIQUE (cooperation_id, organisation_id, round_months),
  CHECK (answered_at IS NULL OR outcome IS NOT NULL)
);
CREATE INDEX follow_up_requests_due ON follow_up_requests(due_on);
