-- Each night's disagreements between the sources (inventories, policies, usage, HR), one row per disagreement,
-- replaced by a rerun of the same night and pruned with the rejects.

CREATE TABLE source_mismatch (
  run_date DATE NOT NULL,
  kind VARCHAR(30) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  person VARCHAR(300),
  source VARCHAR(300),
  other_source VARCHAR(300),
  detail VARCHAR(500)
);

CREATE INDEX source_mismatch_by_night ON source_mismatch (run_date, kind, key_id);
