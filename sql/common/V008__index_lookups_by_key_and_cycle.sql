-- Lookups the primary keys (run date, source or message id first) cannot serve: the review reads each key's change
-- log (when it was disabled, when its owners changed), the finance file each key's provider cost, and composing a
-- cycle's digests the messages of that cycle.

CREATE INDEX key_change_by_key ON key_change (key_id, event);

CREATE INDEX provider_cost_by_key ON provider_cost (key_id, cost_day);

CREATE INDEX mail_outbox_by_cycle ON mail_outbox (cycle);
