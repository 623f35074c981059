-- Snapshots of windows other than the default one are a bounded cache: when more are stored than
-- worker/network/snapshots.ts allows, the least recently used go. Reads of such a snapshot note
-- the time here; a new snapshot starts with its computation time.
ALTER TABLE metric_snapshots ADD COLUMN used_at TEXT NOT NULL DEFAULT '';
UPDATE metric_snapshots SET used_at = computed_at;
CREATE INDEX metric_snapshots_used_at ON metric_snapshots(used_at);
