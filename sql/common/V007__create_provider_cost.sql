-- What the providers' cost data reported, per source, day, key (empty where the provider does not tie cost to a key),
-- project or workspace, and line item. Tonight's pull replaces the days it covers.

CREATE TABLE provider_cost (
  source VARCHAR(64) NOT NULL,
  cost_day DATE NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  project VARCHAR(200) NOT NULL,
  description VARCHAR(300) NOT NULL,
  amount_usd DECIMAL(24, 12) NOT NULL,
  PRIMARY KEY (source, cost_day, key_id, project, description)
);
