-- usage_staging: each chunk's sums are appended, with nothing to look up or keep in order while the usage loads (a key
-- on the cell made every write a random read once the table outgrew the buffer pool); rollUpUsage sums them per cell.
-- (One statement for usage_staging, as a server with sql_require_primary_key refuses a table left without a primary
-- key in between; H2's script takes the two changes one by one.)

ALTER TABLE usage_staging DROP PRIMARY KEY, ADD COLUMN row_no BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST,
  ADD COLUMN cell_a BIGINT NOT NULL DEFAULT 0 AFTER run_date, ADD COLUMN cell_b BIGINT NOT NULL DEFAULT 0 AFTER cell_a;

-- Rows staged by an earlier version (a night that stopped in loadUsage) have no fingerprint: each is a cell of its own,
-- which rollUpUsage merges into its usage_daily row like any other.
UPDATE usage_staging SET cell_a = row_no;
