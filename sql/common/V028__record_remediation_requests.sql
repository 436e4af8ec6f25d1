-- Carrying out approved decisions through the vendors' admin APIs: a row per open action planned each night, with the
-- request it sends (never a credential), why it is held if it is, and once sent the answer and the readback that
-- proves it done. outcome: held, dry-run, planned, sending (marked in its own transaction before the request goes
-- out, so a rerun reads the key back before anything else), done, not-done.

CREATE TABLE remediation_request (
  run_date DATE NOT NULL,
  cycle VARCHAR(30) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  answer_id BIGINT NOT NULL,
  source VARCHAR(64) NOT NULL,
  decision VARCHAR(20) NOT NULL,
  approved_by VARCHAR(300) NOT NULL,
  approved_at DATETIME(6) NOT NULL,
  method VARCHAR(10) NOT NULL,
  url VARCHAR(1000) NOT NULL,
  body TEXT,
  idempotency_key VARCHAR(80) NOT NULL,
  held_because VARCHAR(500),
  outcome VARCHAR(10) NOT NULL,
  sent_at DATETIME(6),
  response_status INT,
  readback VARCHAR(500),
  readback_at DATETIME(6),
  PRIMARY KEY (run_date, cycle, key_id)
);

CREATE INDEX remediation_request_by_key ON remediation_request (key_id, run_date);
