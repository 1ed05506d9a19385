-- The organization profile with its versions, the policy sets published from it, and workforce
-- acknowledgments. Versions are never edited: a change writes a new row and moves `is_current`.
-- Composite foreign keys carry organization_id, so a row can never point into another organization.

-- PERSISTED SHAPE: `data` is the validated Profile (src/profile/schema.ts) with every default
-- filled in. Changing the Profile shape needs a migration that rewrites stored versions.
-- Identity reads the current version's `data->'access'` (idle logoff, lockout, password rules).
CREATE TABLE profile_versions (
  id text PRIMARY KEY DEFAULT ('prv_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  -- 1, 2, 3... within the organization.
  version integer NOT NULL CHECK (version > 0),
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
  -- Hex SHA-256 of the canonical JSON of `data` (what the profile.version-created event names).
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  -- The user id of the editor; the actor id for versions written by the CLI (`steward init`).
  created_by text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
  is_current boolean NOT NULL DEFAULT false,
  UNIQUE (organization_id, version),
  UNIQUE (organization_id, id)
);
-- One current version per organization.
CREATE UNIQUE INDEX profile_versions_current ON profile_versions (organization_id) WHERE is_current;

-- PERSISTED SHAPE: `rendered` is `{ "documentVersion", "effectiveDate", "policies": [...],
-- "sharedResponsibility" }`, each policy as the template engine rendered it (id, title, number,
-- summary, intro, sections, commitments, citations: see StoredPolicySet in
-- src/modules/policies/policies.model.ts). The profile is not repeated: it is the row behind
-- profile_version_id. Changing that shape needs a migration.
CREATE TABLE policy_versions (
  id text PRIMARY KEY DEFAULT ('pol_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  profile_version_id text NOT NULL,
  -- 1, 2, 3... within the organization.
  version integer NOT NULL CHECK (version > 0),
  -- The PolicySet's contentHash: what acknowledgments (and approvals) bind to.
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  published_at timestamptz NOT NULL,
  published_by text NOT NULL CHECK (length(published_by) BETWEEN 1 AND 200),
  is_current boolean NOT NULL DEFAULT false,
  rendered jsonb NOT NULL CHECK (jsonb_typeof(rendered -> 'policies') = 'array'),
  UNIQUE (organization_id, version),
  UNIQUE (organization_id, id, content_hash),
  FOREIGN KEY (organization_id, profile_version_id) REFERENCES profile_versions (organization_id, id)
);
CREATE UNIQUE INDEX policy_versions_current ON policy_versions (organization_id) WHERE is_current;
-- "Which version was in effect on a date": the latest published at or before it.
CREATE INDEX policy_versions_published ON policy_versions (organization_id, published_at);

-- A workforce member's acknowledgment of one policy version, bound to its exact text: the foreign
-- key includes content_hash, so an acknowledgment can only name the hash its version really has.
CREATE TABLE acknowledgments (
  organization_id text NOT NULL REFERENCES organizations (id),
  user_id text NOT NULL REFERENCES users (id),
  policy_version_id text NOT NULL,
  content_hash text NOT NULL,
  acknowledged_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, policy_version_id),
  FOREIGN KEY (organization_id, policy_version_id, content_hash)
    REFERENCES policy_versions (organization_id, id, content_hash)
);
CREATE INDEX acknowledgments_version ON acknowledgments (organization_id, policy_version_id);
