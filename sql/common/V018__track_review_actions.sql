-- What each standing answer asks to be done, tracked to closure: open until a later nightly sees it done in the
-- inventories (a disabled or deleted key, a rotation after the answer, no finding proposing narrow or reassign any
-- more), with the evidence and the night it was seen; overdue past the item's due date plus
-- keyreview.review.action-grace, the security owner told once. A later answer before the item closes replaces the
-- action (answer_id).

CREATE TABLE review_action (
  cycle VARCHAR(30) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  decision VARCHAR(20) NOT NULL,
  answer_id BIGINT NOT NULL,
  answered_at DATETIME(6) NOT NULL,
  action_due DATE NOT NULL,
  status VARCHAR(10) NOT NULL,
  done_on DATE,
  evidence VARCHAR(500),
  PRIMARY KEY (cycle, key_id)
);

CREATE INDEX review_action_by_status ON review_action (status);
