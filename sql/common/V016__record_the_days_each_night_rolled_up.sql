-- The days and sources each night's usage files covered, as rollUpUsage replaced them in usage_daily: recordFirstUse
-- reads only the rollups of those days, so its cost follows tonight's files, not the 90 days of the usage window.
-- Pruned with the rejects, after keyreview.retention.

CREATE TABLE usage_day_rolled_up (
  run_date DATE NOT NULL,
  usage_day DATE NOT NULL,
  source VARCHAR(64) NOT NULL,
  PRIMARY KEY (run_date, usage_day, source)
);
