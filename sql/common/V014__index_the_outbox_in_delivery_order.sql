-- deliverMail reads the outbox in batches, in delivery order (the messages tried least often first, then the
-- oldest): this index holds that order after its two IS NULL conditions, so each batch is read from the index alone
-- instead of sorting every unsent message.

CREATE INDEX mail_outbox_delivery_order ON mail_outbox (sent_at, parked_at, attempts, created_on, message_id);
