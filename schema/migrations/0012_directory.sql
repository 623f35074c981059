-- Directory of local contacts (docs/directory.md): one entry per organiser or intermediary with
-- what it publishes about itself. Only an entry that is published AND carries the consent given
-- for publication shows its contact details in public output; the organisation's own contact
-- person and e-mail (organisations.contact_*) never do. Edited by a coordinator of the
-- organisation's region or through a directory_edit link (capability_links.subject_id = id).
CREATE TABLE directory_entries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  organisation_id INTEGER NOT NULL UNIQUE REFERENCES organisations(id) ON DELETE CASCADE,
  published       INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  description     TEXT CHECK (description IS NULL OR length(description) <= 1000),
  -- Town or quarter shown and searched ("Jena-Lobeda"), and its postcode.
  place           TEXT CHECK (place IS NULL OR length(place) <= 120),
  postcode        TEXT CHECK (postcode IS NULL OR length(postcode) <= 10),
  -- Formats it runs besides those recorded as events it organised (comma list of event kinds).
  formats         TEXT NOT NULL DEFAULT '',
  -- Public contact: given for publication (a function mailbox, an office phone), not a private one.
  contact_name    TEXT CHECK (contact_name IS NULL OR length(contact_name) <= 200),
  contact_email   TEXT CHECK (contact_email IS NULL OR length(contact_email) <= 254),
  contact_phone   TEXT CHECK (contact_phone IS NULL OR length(contact_phone) <= 40),
  website         TEXT CHECK (website IS NULL OR length(website) <= 300),
  -- The consent text agreed to (as shown), when and by whom (actor of the audit log).
  consent_text    TEXT CHECK (consent_text IS NULL OR length(consent_text) <= 2000),
  consent_at      TEXT,
  consent_by      TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (published = 0 OR (consent_text IS NOT NULL AND consent_at IS NOT NULL))
);
CREATE INDEX directory_entries_postcode ON directory_entries(postcode);
