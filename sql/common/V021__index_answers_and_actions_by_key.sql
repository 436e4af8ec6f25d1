-- The evidence file of a key lists its answers and actions of every cycle, and the register export each key's open
-- action: both look them up by key.

CREATE INDEX review_answer_by_key ON review_answer (key_id, answered_at);

CREATE INDEX review_action_by_key ON review_action (key_id, status);
