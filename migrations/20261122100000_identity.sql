-- People who can sign in, their membership of organizations, and server-side sessions.
CREATE TABLE users (
  id text PRIMARY KEY DEFAULT ('usr_' || replace(gen_random_uuid()::text, '-', '')),
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  -- argon2id PHC string; null until the person sets a password (an open invitation).
  password_hash text,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  -- TOTP secret (base32) once enrolled; recovery codes are stored hashed in user_recovery_codes.
  totp_secret text,
  totp_enabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A user's roles in one organization (one row per role).
CREATE TABLE memberships (
  organization_id text NOT NULL REFERENCES organizations (id),
  user_id text NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('owner', 'security-officer', 'privacy-officer', 'approver', 'hr', 'workforce-member', 'auditor')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, user_id, role)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- Server-side sessions: the cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  id text PRIMARY KEY DEFAULT ('ses_' || replace(gen_random_uuid()::text, '-', '')),
  token_hash text NOT NULL UNIQUE,
  user_id text NOT NULL REFERENCES users (id),
  organization_id text NOT NULL REFERENCES organizations (id),
  csrf_token text NOT NULL,
  -- False until the second factor was verified in this session (required for owners and officers).
  mfa_verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);
