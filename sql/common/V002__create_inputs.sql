-- What tonight's inputs say, one snapshot row per natural key; seen_on is the run date that last delivered it.
-- List-valued columns (;-separated) are TEXT: MySQL caps a row's VARCHARs at 64 KB.

CREATE TABLE inventory_key (
  key_id VARCHAR(128) NOT NULL PRIMARY KEY,
  source VARCHAR(64) NOT NULL,
  alias VARCHAR(300),
  project VARCHAR(200),
  environment VARCHAR(20) NOT NULL,
  status VARCHAR(20),
  owner VARCHAR(300),
  owner_type VARCHAR(20),
  created_by VARCHAR(300),
  created_at DATETIME(6),
  last_used_at DATETIME(6),
  last_rotated_at DATETIME(6),
  expires_at DATETIME(6),
  scopes TEXT,
  allowed_models TEXT,
  allowed_routes TEXT,
  monthly_budget_usd DECIMAL(24, 12),
  secret_location VARCHAR(500),
  input_file VARCHAR(300) NOT NULL,
  seen_on DATE NOT NULL
);

CREATE TABLE person (
  email VARCHAR(300) NOT NULL PRIMARY KEY,
  person_id VARCHAR(100),
  name VARCHAR(300),
  status VARCHAR(20) NOT NULL,
  worker_type VARCHAR(20),
  termination_date DATE,
  manager_email VARCHAR(300),
  department VARCHAR(200),
  cost_center VARCHAR(100),
  seen_on DATE NOT NULL
);

CREATE TABLE key_policy (
  key_id VARCHAR(128) NOT NULL PRIMARY KEY,
  business_owner VARCHAR(300),
  technical_owner VARCHAR(300),
  security_owner VARCHAR(300),
  finance_owner VARCHAR(300),
  environment VARCHAR(20),
  workload_service VARCHAR(200),
  workload_repository VARCHAR(200),
  workload_deployment VARCHAR(200),
  routes_allowed TEXT,
  routes_denied TEXT,
  model_groups_allowed TEXT,
  fallback_requires_same_data_policy BOOLEAN,
  scopes_allow TEXT,
  scopes_deny TEXT,
  monthly_budget_usd DECIMAL(24, 12),
  alert_owner VARCHAR(300),
  burst_limit VARCHAR(100),
  request_metadata_logging VARCHAR(100),
  raw_payload_storage VARCHAR(100),
  audit_events_required TEXT,
  rotation_cadence VARCHAR(100),
  rotation_method VARCHAR(200),
  rotation_last_completed DATE,
  offboarding_triggers TEXT,
  exceptions_allowed BOOLEAN,
  exception_reason VARCHAR(1000),
  exception_approver VARCHAR(300),
  exception_expires DATE,
  input_file VARCHAR(300) NOT NULL,
  seen_on DATE NOT NULL
);

CREATE TABLE owner_group (
  name VARCHAR(200) NOT NULL PRIMARY KEY,
  mailbox VARCHAR(300),
  accountable VARCHAR(300)
);

CREATE TABLE model_group_member (
  group_name VARCHAR(200) NOT NULL,
  model VARCHAR(128) NOT NULL,
  PRIMARY KEY (group_name, model)
);

CREATE TABLE route_environment (
  route VARCHAR(128) NOT NULL PRIMARY KEY,
  environment VARCHAR(20) NOT NULL
);
