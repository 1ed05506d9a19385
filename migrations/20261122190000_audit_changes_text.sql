-- An audit event's changes are kept as the exact canonical JSON text its hash covers (json keeps
-- the text as written; jsonb re-formats it). Verification then hashes the stored text as it is
-- instead of parsing and re-encoding every event, which was most of its cost. Rows written before
-- this migration keep jsonb's formatting; verification canonicalizes those (src/audit/verify.ts).
ALTER TABLE audit_events ALTER COLUMN changes TYPE json USING changes::json;
