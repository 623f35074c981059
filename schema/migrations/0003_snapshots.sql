-- Network snapshots: metrics per region and window are computed from the data
-- of one revision and stored; reads serve them, a write bumps region_revisions and so marks them
-- stale, the Cron Trigger recomputes. History rows (one per region and month) are never overwritten.

CREATE TABLE metric_snapshots (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  region_code  TEXT NOT NULL,               -- a region code, or 'DE' for the whole country
  window_from  TEXT NOT NULL,
  window_to    TEXT NOT NULL,
  revision     INTEGER NOT NULL,            -- region_revisions.revision the data had
  computed_at  TEXT NOT NULL,
  compute_ms   INTEGER NOT NULL DEFAULT 0,
  summary      TEXT NOT NULL,               -- JSON: counts, inputs/outputs, network, conversion
  UNIQUE (region_code, window_from, window_to)
);

-- Per-organisation metrics of one snapshot (served for brokers, isolated lists, organisation pages).
CREATE TABLE organisation_metrics (
  snapshot_id     INTEGER NOT NULL REFERENCES metric_snapshots(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL,
  metrics         TEXT NOT NULL,            -- JSON of the per-organisation metrics
  status          TEXT NOT NULL CHECK (status IN ('isolated', 'peripheral', 'fading', 'connected')),
  betweenness     REAL,
  PRIMARY KEY (snapshot_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX organisation_metrics_status ON organisation_metrics(snapshot_id, status);
CREATE INDEX organisation_metrics_org ON organisation_metrics(organisation_id);

CREATE TABLE metric_history (
  region_code TEXT NOT NULL,
  period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),  -- month the window ends in
  revision    INTEGER NOT NULL,
  computed_at TEXT NOT NULL,
  summary     TEXT NOT NULL,
  PRIMARY KEY (region_code, period)
) WITHOUT ROWID;

-- The ties of a snapshot (one row per partner pair), so the network view and exports read the
-- snapshot instead of re-aggregating raw cooperations.
CREATE TABLE snapshot_edges (
  snapshot_id INTEGER NOT NULL REFERENCES metric_snapshots(id) ON DELETE CASCADE,
  a           INTEGER NOT NULL,
  b           INTEGER NOT NULL,
  weight      INTEGER NOT NULL,
  hours       REAL NOT NULL,
  value_eur   REAL NOT NULL,
  first_date  TEXT NOT NULL,
  last_date   TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, a, b)
) WITHOUT ROWID;
