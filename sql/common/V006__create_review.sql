-- The review: each key's current findings, the routes, models and providers each key has used (for release
-- events), the work lists of each cycle, and the mail outbox.

CREATE TABLE key_finding (
  key_id VARCHAR(128) NOT NULL,
  rule_id VARCHAR(40) NOT NULL,
  decision VARCHAR(20) NOT NULL,
  evidence TEXT NOT NULL,
  first_found DATE NOT NULL,
  PRIMARY KEY (key_id, rule_id)
);

CREATE TABLE key_first_use (
  key_id VARCHAR(128) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  used VARCHAR(128) NOT NULL,
  first_seen DATE NOT NULL,
  PRIMARY KEY (key_id, kind, used)
);

CREATE INDEX key_first_use_by_date ON key_first_use (first_seen);

CREATE TABLE worklist_item (
  cycle VARCHAR(30) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  alias VARCHAR(300),
  environment VARCHAR(20),
  last_used_on DATE,
  spend_usd DECIMAL(24, 12) NOT NULL,
  monthly_budget_usd DECIMAL(24, 12),
  recipients TEXT NOT NULL,
  decision VARCHAR(20) NOT NULL,
  findings VARCHAR(500),
  evidence TEXT,
  details TEXT,
  due_date DATE NOT NULL,
  PRIMARY KEY (cycle, key_id)
);

CREATE TABLE mail_outbox (
  message_id VARCHAR(200) NOT NULL PRIMARY KEY,
  cycle VARCHAR(30) NOT NULL,
  recipient VARCHAR(300) NOT NULL,
  cc VARCHAR(300),
  subject VARCHAR(500) NOT NULL,
  text_body MEDIUMTEXT NOT NULL,
  html_body MEDIUMTEXT NOT NULL,
  created_on DATE NOT NULL,
  attempts INT NOT NULL,
  last_error VARCHAR(1000),
  sent_at DATETIME(6)
);

CREATE INDEX mail_outbox_unsent ON mail_outbox (sent_at, cycle);
