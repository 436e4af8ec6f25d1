-- Mismatches about a person (HR against an IdP) name no key.
ALTER TABLE source_mismatch MODIFY key_id VARCHAR(128) NULL;
