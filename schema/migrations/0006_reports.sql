-- Regional impact reports (worker/reports/, docs/reports.md): the public figures of a region and
-- calendar year, frozen when first asked for, so a report's permanent URL shows the same figures
-- later. One row per region, year and content: a new row only when the figures differ (a write
-- changed them, or the current year's window moved on); AUTOINCREMENT so an evicted report's id
-- is never given to other figures.
CREATE TABLE reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  region_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  -- The region's data revision the figures were made from, and the latest one known to give them.
  data_revision INTEGER NOT NULL,
  confirmed_revision INTEGER NOT NULL,
  -- Last day the figures cover (31 December, or the day of the report in the current year).
  as_of TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  figures TEXT NOT NULL,
  created_at TEXT NOT NULL,
  -- When a request last found these figures current: the newest such row is the region's latest report.
  confirmed_at TEXT NOT NULL,
  UNIQUE (region_code, year, content_hash)
);
CREATE INDEX reports_region_year ON reports (region_code, year, confirmed_at);
CREATE INDEX reports_confirmed ON reports (confirmed_at);
