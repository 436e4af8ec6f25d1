-- The client addresses each key's requests came from, where the usage files say (LiteLLM's requester_ip_address), for
-- the anomaly rule's new client address: tonight's sums staged a block at a time, then one row per source, key, day
-- and address, kept for the anomaly baseline's days only, in key order.
CREATE TABLE usage_client_staging (
  run_date DATE NOT NULL,
  source VARCHAR(64) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  usage_day DATE NOT NULL,
  client_ip VARCHAR(45) NOT NULL,
  requests BIGINT NOT NULL
);

CREATE TABLE usage_client (
  key_id VARCHAR(128) NOT NULL,
  usage_day DATE NOT NULL,
  client_ip VARCHAR(45) NOT NULL,
  source VARCHAR(64) NOT NULL,
  requests BIGINT NOT NULL,
  PRIMARY KEY (key_id, usage_day, client_ip, source)
);

CREATE INDEX usage_client_by_day ON usage_client (usage_day, source);
