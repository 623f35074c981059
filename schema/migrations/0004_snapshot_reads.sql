-- Reads of one organisation's ties (ego network) look edges up by either endpoint.
CREATE INDEX snapshot_edges_b ON snapshot_edges(snapshot_id, b);

-- Layout of a snapshot's network (ForceAtlas2), computed on the first request and kept with the
-- snapshot so later requests only read it.
CREATE TABLE snapshot_layouts (
  snapshot_id     INTEGER NOT NULL REFERENCES metric_snapshots(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL,
  x               REAL NOT NULL,
  y               REAL NOT NULL,
  PRIMARY KEY (snapshot_id, organisation_id)
) WITHOUT ROWID;
