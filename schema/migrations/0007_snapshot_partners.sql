-- Partners of a snapshot's ties registered outside its scope have no metrics row; their community
-- in the snapshot's network is kept here so network files give every node a community.
CREATE TABLE snapshot_partners (
  snapshot_id     INTEGER NOT NULL REFERENCES metric_snapshots(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL,
  community       INTEGER,
  PRIMARY KEY (snapshot_id, organisation_id)
) WITHOUT ROWID;

-- Snapshots stored before this carry neither field/industry per organisation nor the partners'
-- communities: marked stale, so reads and the cron job compute them again.
UPDATE metric_snapshots SET revision = -1;
