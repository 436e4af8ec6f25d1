-- A message that can never be delivered (an address no server takes, a 5xx reply) is parked with its reason in
-- last_error instead of blocking the messages after it; the security owner is told once.

ALTER TABLE mail_outbox ADD COLUMN parked_at DATETIME(6);

ALTER TABLE mail_outbox ADD COLUMN security_told_at DATETIME(6);
