-- Invitations, TOTP replay protection and recovery codes.

-- An invitation to join an organization with some roles. The email carries a random token; only
-- its SHA-256 is stored, so the table cannot be used to accept an invitation. Memberships are
-- created when the invitation is accepted, not before: a person joins only by following the link.
CREATE TABLE invitations (
  id text PRIMARY KEY DEFAULT ('inv_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  user_id text NOT NULL REFERENCES users (id),
  roles text[] NOT NULL CHECK (cardinality(roles) BETWEEN 1 AND 7 AND roles <@ ARRAY['owner', 'security-officer', 'privacy-officer', 'approver', 'hr', 'workforce-member', 'auditor']),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  -- Set when a newer invitation for the same person and organization replaces this one.
  revoked_at timestamptz
);
CREATE INDEX invitations_organization ON invitations (organization_id, user_id);

-- The last TOTP time step accepted for the user: a code is accepted once, never again (RFC 6238
-- section 5.2), even within its validity window.
ALTER TABLE users ADD COLUMN totp_last_step bigint;

-- One-time recovery codes, shown once at enrollment and stored as SHA-256 (they are random,
-- 80 bits each, so a slow hash adds nothing).
CREATE TABLE user_recovery_codes (
  user_id text NOT NULL REFERENCES users (id),
  code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
