-- Recomputation messages that failed every retry (the dead-letter queue's consumer writes them;
-- docs/recomputation.md). For operators: which scope and window could not be computed, for which
-- revision. The newest 1 000 are kept.
CREATE TABLE recompute_failures (
  id          INTEGER PRIMARY KEY,
  scope       TEXT,
  window_from TEXT,
  window_to   TEXT,
  revision    INTEGER,
  attempts    INTEGER NOT NULL,
  failed_at   TEXT NOT NULL,
  body        TEXT NOT NULL
);
