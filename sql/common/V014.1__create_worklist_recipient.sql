-- The work list of each cycle by addressee: one row per key and addressee (To, and the group mailbox in Cc), so a
-- cycle's digests are composed one addressee at a time in index order rather than from the whole work list in memory.
-- addressee is a hash of To and Cc (lower-case hex), so the rows of one addressee sort together whatever the
-- collation of the address columns.

CREATE TABLE worklist_recipient (
  cycle VARCHAR(30) NOT NULL,
  addressee CHAR(32) NOT NULL,
  key_id VARCHAR(128) NOT NULL,
  recipient VARCHAR(300) NOT NULL,
  cc VARCHAR(300),
  PRIMARY KEY (cycle, addressee, key_id)
);
