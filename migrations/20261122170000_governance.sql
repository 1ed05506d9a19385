-- Policy governance: a change to the published policies is proposed as a draft (profile values
-- and/or a section's own text), approved by the roles the profile names, then published with an
-- effective date. Rows are never deleted: a proposal ends published, rejected or withdrawn.
-- Composite foreign keys carry organization_id, so no row can point into another organization.

-- PERSISTED SHAPES (changing any needs a migration that rewrites stored rows):
--   request:      { "profileChanges": [{ "path", "value" }], "sectionChanges": [{ "policyId",
--                   "sectionId", "markdown" (text, or null to return to the template's text) }] }
--   profile_data: the validated Profile with the changes applied, as profile_versions.data.
--   rendered:     a StoredPolicySet (src/modules/policies/policies.model.ts), as policy_versions.rendered.
CREATE TABLE policy_changes (
  id text PRIMARY KEY DEFAULT ('chg_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  -- 1, 2, 3... within the organization, for people to refer to ("change 4").
  number integer NOT NULL CHECK (number > 0),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
  status text NOT NULL CHECK (status IN ('proposed', 'published', 'rejected', 'withdrawn')),
  -- The day the new version takes effect, in the organization's time zone.
  effective_date date NOT NULL,
  request jsonb NOT NULL CHECK (jsonb_typeof(request) = 'object'),
  -- What the draft was built on: the current profile version and the policy version in force then.
  -- Publishing refuses when either is no longer current.
  base_profile_version_id text NOT NULL,
  base_policy_version_id text NOT NULL,
  base_content_hash text NOT NULL,
  profile_data jsonb NOT NULL CHECK (jsonb_typeof(profile_data) = 'object'),
  profile_hash text NOT NULL CHECK (profile_hash ~ '^[0-9a-f]{64}$'),
  rendered jsonb NOT NULL CHECK (jsonb_typeof(rendered -> 'policies') = 'array'),
  -- SHA-256 of the draft's text: what approvals bind to, and the published version's hash.
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  proposed_by text NOT NULL REFERENCES users (id),
  proposed_at timestamptz NOT NULL,
  -- Who ended the proposal (published, rejected or withdrew it), when, and a rejection's reason.
  closed_by text REFERENCES users (id),
  closed_at timestamptz,
  reason text CHECK (length(reason) BETWEEN 1 AND 2000),
  published_policy_version_id text,
  UNIQUE (organization_id, number),
  UNIQUE (organization_id, id),
  UNIQUE (organization_id, id, content_hash),
  FOREIGN KEY (organization_id, base_profile_version_id) REFERENCES profile_versions (organization_id, id),
  FOREIGN KEY (organization_id, base_policy_version_id, base_content_hash)
    REFERENCES policy_versions (organization_id, id, content_hash),
  -- The published version carries exactly the approved text.
  FOREIGN KEY (organization_id, published_policy_version_id, content_hash)
    REFERENCES policy_versions (organization_id, id, content_hash),
  CHECK ((status = 'proposed') = (closed_at IS NULL AND closed_by IS NULL)),
  CHECK ((status = 'published') = (published_policy_version_id IS NOT NULL)),
  CHECK (status = 'rejected' OR reason IS NULL)
);
CREATE INDEX policy_changes_list ON policy_changes (organization_id, number DESC);

-- One approval fills one slot: a role of people.policyApprovers, held by the member whose account
-- email is that person's email in the profile. Bound to the draft's text through content_hash.
CREATE TABLE policy_change_approvals (
  organization_id text NOT NULL REFERENCES organizations (id),
  change_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('securityOfficer', 'privacyOfficer', 'engineeringLead', 'executive')),
  user_id text NOT NULL REFERENCES users (id),
  content_hash text NOT NULL,
  approved_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, change_id, role),
  FOREIGN KEY (organization_id, change_id, content_hash)
    REFERENCES policy_changes (organization_id, id, content_hash)
);

-- The organization's own text for a section, applied on every render; set only by a published
-- change (change_id), so every wording in force went through approval.
CREATE TABLE section_texts (
  organization_id text NOT NULL REFERENCES organizations (id),
  policy_id text NOT NULL CHECK (policy_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  section_id text NOT NULL CHECK (section_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  markdown text NOT NULL CHECK (length(markdown) BETWEEN 1 AND 20000),
  change_id text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, policy_id, section_id),
  FOREIGN KEY (organization_id, change_id) REFERENCES policy_changes (organization_id, id)
);

-- "Which version was in effect on a date": the latest effective date on or before it.
CREATE INDEX policy_versions_effective ON policy_versions (organization_id, effective_date, version);
