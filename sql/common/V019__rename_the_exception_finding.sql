-- The finding of an expired policy exception is called exception-expired (it also covers an exception without an
-- expiry date or an approver). Open findings keep the night they were first found.

UPDATE key_finding SET rule_id = 'exception-expired' WHERE rule_id = 'exception';
