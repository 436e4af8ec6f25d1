-- The answers to the review: append-only, one row per valid answer, by e-mail (a signed link or a matched reply), by
-- file (a filled-in work list under inputs/answers) or by the no-answer default. The last valid answer before an
-- item closes stands. answer_ref says where it came from (the message's Message-ID, or file and line);
-- fingerprint (the SHA-256 of channel, cycle, key, decision, answerer and where it came from) keeps a second copy
-- of the same message, or the same file landed again, from being recorded twice.

CREATE TABLE review_answer (
  answer_id BIGINT AUTO_INCREMENT PRIMARY KEY,
  cycle VARCHAR(30) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  decision VARCHAR(20) NOT NULL,
  reason TEXT,
  answered_by VARCHAR(300) NOT NULL,
  answered_at DATETIME(6) NOT NULL,
  channel VARCHAR(10) NOT NULL,
  answer_ref VARCHAR(500) NOT NULL,
  recorded_on DATE NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  CONSTRAINT review_answer_once UNIQUE (fingerprint)
);

CREATE INDEX review_answer_by_item ON review_answer (cycle, key_id, answered_at);

CREATE INDEX review_answer_by_night ON review_answer (recorded_on, cycle);
