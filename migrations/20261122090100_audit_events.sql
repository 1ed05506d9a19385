-- The audit trail: one row per state change, written by recordEvent (src/audit/record.ts) in the
-- transaction that made the change, and hash-chained per organization. The canonical encoding
-- that `hash` covers is described in docs/ARCHITECTURE.md ("Storage and audit trail"); changing
-- any column here needs a new migration and a matching change to src/audit/canonical.ts.
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  -- 1, 2, 3... within the organization: the chain order.
  seq bigint NOT NULL CHECK (seq > 0),
  -- Millisecond precision, the precision the hash covers.
  occurred_at timestamptz(3) NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'system', 'cli')),
  actor_id text NOT NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  changes jsonb NOT NULL,
  -- Hex SHA-256 of the previous event of the organization (64 zeros before the first one).
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  UNIQUE (organization_id, seq)
);

-- The newest event of each organization. recordEvent locks this row to take the next seq, so
-- concurrent writers queue instead of forking the chain, and verification compares the chain's
-- end with it, which exposes events cut from the end of the trail.
CREATE TABLE audit_chain_heads (
  organization_id text PRIMARY KEY REFERENCES organizations (id),
  seq bigint NOT NULL CHECK (seq > 0),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

-- Append-only: the application never updates or deletes audit events, so a statement that tries
-- is a bug or tampering. Getting around this takes a deliberate DDL step (disabling the trigger),
-- and `steward audit verify` detects the result either way.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
