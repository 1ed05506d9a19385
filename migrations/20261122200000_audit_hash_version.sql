-- Which encoding an audit event's hash covers (src/audit/canonical.ts). Events written before this
-- migration used version 1 (a JSON object); recordEvent now writes version 2, the stored fields'
-- text joined by a separator, which verification can hash as the database returns it. The default
-- only labels the existing rows: it is dropped, so every new event states its version.
ALTER TABLE audit_events
  ADD COLUMN hash_version smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
ALTER TABLE audit_events ALTER COLUMN hash_version DROP DEFAULT;
