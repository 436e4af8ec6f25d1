-- The nightly reads usage rollups only from its window (the 90 days up to the night) and, once, the history of a key
-- new to the register: the register keeps each key's last use as the rollups showed it (usage_last_used_at; the
-- inventory's own last use stays apart), so no night reads a key's whole history again. The window, the unattributed
-- usage and the first uses are read by day; recordFirstUse finds the keys registered tonight by first_seen.

ALTER TABLE key_register ADD COLUMN usage_last_used_at DATETIME(6);

UPDATE key_register SET usage_last_used_at = (SELECT MAX(u.last_used_at) FROM usage_daily u
  WHERE u.key_id = key_register.key_id AND u.usage_day <= key_register.reconciled_on);

CREATE INDEX usage_daily_by_day ON usage_daily (usage_day, source);

CREATE INDEX key_register_by_first_seen ON key_register (first_seen);
