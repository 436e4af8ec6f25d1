-- Mismatches about a person (HR against an IdP) name no key.
ALTER TABLE source_mismatch ALTER COLUMN key_id SET NULL;
