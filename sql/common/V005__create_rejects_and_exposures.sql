-- Evidence of bad input: rows rejected with their reason, and secrets found (only their fingerprint).

CREATE TABLE rejected_row (
  run_date DATE NOT NULL,
  source VARCHAR(30) NOT NULL,
  input_file VARCHAR(300) NOT NULL,
  line BIGINT NOT NULL,
  key_id VARCHAR(128),
  reason VARCHAR(500) NOT NULL,
  row_text TEXT,
  PRIMARY KEY (run_date, input_file, line)
);

CREATE TABLE secret_exposure (
  run_date DATE NOT NULL,
  source VARCHAR(30) NOT NULL,
  input_file VARCHAR(300) NOT NULL,
  line BIGINT NOT NULL,
  column_name VARCHAR(100) NOT NULL,
  fingerprint VARCHAR(20) NOT NULL,
  key_id VARCHAR(128),
  PRIMARY KEY (run_date, input_file, line, column_name, fingerprint)
);

CREATE INDEX secret_exposure_by_key ON secret_exposure (key_id);
