-- Usage rolled up per key x day x route x model x provider. Tonight's rows are summed in usage_staging chunk by
-- chunk, then replace usage_daily for every (source, day) tonight's files cover.

CREATE TABLE usage_staging (
  run_date DATE NOT NULL,
  source VARCHAR(64) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  usage_day DATE NOT NULL,
  route VARCHAR(128) NOT NULL,
  model VARCHAR(128) NOT NULL,
  provider VARCHAR(64) NOT NULL,
  requests BIGINT NOT NULL,
  failed_requests BIGINT NOT NULL,
  input_tokens BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  cost_usd DECIMAL(24, 12) NOT NULL,
  last_used_at DATETIME(6) NOT NULL,
  PRIMARY KEY (run_date, source, key_id, usage_day, route, model, provider)
);

CREATE TABLE usage_daily (
  source VARCHAR(64) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  usage_day DATE NOT NULL,
  route VARCHAR(128) NOT NULL,
  model VARCHAR(128) NOT NULL,
  provider VARCHAR(64) NOT NULL,
  requests BIGINT NOT NULL,
  failed_requests BIGINT NOT NULL,
  input_tokens BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  cost_usd DECIMAL(24, 12) NOT NULL,
  last_used_at DATETIME(6) NOT NULL,
  PRIMARY KEY (source, key_id, usage_day, route, model, provider)
);

CREATE INDEX usage_daily_by_key ON usage_daily (key_id, usage_day);

CREATE TABLE unattributed_usage (
  run_date DATE NOT NULL,
  source VARCHAR(64) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  first_day DATE NOT NULL,
  last_day DATE NOT NULL,
  requests BIGINT NOT NULL,
  cost_usd DECIMAL(24, 12) NOT NULL,
  PRIMARY KEY (run_date, source, key_id)
);
