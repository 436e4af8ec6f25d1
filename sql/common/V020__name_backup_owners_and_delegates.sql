-- A policy may name owners.backup (a person or a group): it receives the owners' review items while they are on
-- leave or gone, and may answer for the key. owners.yaml may name delegates: who may answer for a person or a group
-- mailbox.

ALTER TABLE key_policy ADD COLUMN backup_owner VARCHAR(300);

ALTER TABLE key_register ADD COLUMN backup_owner VARCHAR(300);

CREATE TABLE owner_delegate (
  principal VARCHAR(300) NOT NULL,
  delegate VARCHAR(300) NOT NULL,
  PRIMARY KEY (principal, delegate)
);

CREATE INDEX owner_delegate_by_delegate ON owner_delegate (delegate);
