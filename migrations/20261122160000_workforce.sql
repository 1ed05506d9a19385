-- The workforce lifecycle around the `people` register: access requests and the grants they lead
-- to, periodic access review campaigns, termination checklists and the sanctions log. Composite
-- foreign keys carry organization_id, so no row can point into another organization. Free text
-- (justifications, notes) stays in these rows; audit events carry ids and categories only.

-- Someone asks for access to a system for a person; an officer approves or rejects it.
CREATE TABLE access_requests (
  id text PRIMARY KEY DEFAULT ('acr_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  person_id text NOT NULL,
  system text NOT NULL CHECK (length(system) BETWEEN 1 AND 200),
  level text NOT NULL CHECK (length(level) BETWEEN 1 AND 100),
  justification text NOT NULL CHECK (length(justification) BETWEEN 1 AND 2000),
  -- Temporary access ends after this local date; null for standing access.
  temporary_until date,
  requested_by text NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'granted')),
  decided_by text REFERENCES users (id),
  decided_at timestamptz,
  decision_note text CHECK (length(decision_note) <= 2000),
  UNIQUE (organization_id, id),
  FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK ((decided_at IS NULL) = (decided_by IS NULL))
);
CREATE INDEX access_requests_status ON access_requests (organization_id, status, requested_at);

-- Access a person holds, granted from an approved request with the identity check recorded.
CREATE TABLE access_grants (
  id text PRIMARY KEY DEFAULT ('acg_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  person_id text NOT NULL,
  request_id text NOT NULL,
  system text NOT NULL CHECK (length(system) BETWEEN 1 AND 200),
  level text NOT NULL CHECK (length(level) BETWEEN 1 AND 100),
  -- Temporary grants: the last local date the access may be used.
  expires_on date,
  verification_method text NOT NULL CHECK (verification_method IN
    ('in-person-id-check', 'video-call-with-id', 'manager-attestation', 'existing-verified-account')),
  granted_by text NOT NULL REFERENCES users (id),
  granted_at timestamptz NOT NULL,
  -- The last day the account was seen in use, as reported from the system itself.
  last_used_on date,
  revoked_at timestamptz,
  revoked_by text REFERENCES users (id),
  revoke_reason text CHECK (revoke_reason IN ('termination', 'review', 'expired', 'inactive', 'no-longer-needed')),
  UNIQUE (organization_id, id),
  UNIQUE (organization_id, request_id),
  FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id),
  FOREIGN KEY (organization_id, request_id) REFERENCES access_requests (organization_id, id),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL AND revoke_reason IS NULL))
);
CREATE INDEX access_grants_person ON access_grants (organization_id, person_id);
CREATE INDEX access_grants_active ON access_grants (organization_id, granted_at) WHERE revoked_at IS NULL;

-- A review campaign: every grant active when it started is an item to keep or revoke.
CREATE TABLE access_reviews (
  id text PRIMARY KEY DEFAULT ('arv_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  started_by text NOT NULL REFERENCES users (id),
  started_at timestamptz NOT NULL,
  closed_by text REFERENCES users (id),
  closed_at timestamptz,
  -- The access-review occurrence this campaign answers, when the closer named one.
  occurrence_id text,
  UNIQUE (organization_id, id),
  FOREIGN KEY (organization_id, occurrence_id) REFERENCES occurrences (organization_id, id),
  CHECK ((closed_at IS NULL) = (closed_by IS NULL))
);
-- One campaign open at a time.
CREATE UNIQUE INDEX access_reviews_open ON access_reviews (organization_id) WHERE closed_at IS NULL;

CREATE TABLE access_review_items (
  id text PRIMARY KEY DEFAULT ('ari_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  review_id text NOT NULL,
  grant_id text NOT NULL,
  decision text CHECK (decision IN ('keep', 'revoke')),
  decided_by text REFERENCES users (id),
  decided_at timestamptz,
  UNIQUE (organization_id, id),
  UNIQUE (organization_id, review_id, grant_id),
  FOREIGN KEY (organization_id, review_id) REFERENCES access_reviews (organization_id, id),
  FOREIGN KEY (organization_id, grant_id) REFERENCES access_grants (organization_id, id),
  CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL))
);

-- A departure: the checklist of what must be taken back, each task due by the same deadline.
CREATE TABLE terminations (
  id text PRIMARY KEY DEFAULT ('trm_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  person_id text NOT NULL,
  last_day date NOT NULL,
  terminated_at timestamptz NOT NULL,
  -- terminated_at + access.terminationRevocationHours of the profile current at the time.
  due_at timestamptz NOT NULL,
  recorded_by text NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  -- Set when the last task is done.
  completed_at timestamptz,
  UNIQUE (organization_id, id),
  UNIQUE (organization_id, person_id),
  FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id)
);

CREATE TABLE termination_tasks (
  id text PRIMARY KEY DEFAULT ('ttk_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  termination_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN
    ('revoke-access', 'return-devices', 'remove-shared-accounts', 'retrieve-keys-badges')),
  -- revoke-access tasks: the grant to revoke.
  grant_id text,
  position integer NOT NULL,
  due_at timestamptz NOT NULL,
  completed_at timestamptz,
  completed_by text REFERENCES users (id),
  note text CHECK (length(note) <= 2000),
  UNIQUE (organization_id, id),
  UNIQUE (organization_id, termination_id, position),
  FOREIGN KEY (organization_id, termination_id) REFERENCES terminations (organization_id, id),
  FOREIGN KEY (organization_id, grant_id) REFERENCES access_grants (organization_id, id),
  CHECK ((kind = 'revoke-access') = (grant_id IS NOT NULL)),
  CHECK ((completed_at IS NULL) = (completed_by IS NULL))
);
CREATE INDEX termination_tasks_grant ON termination_tasks (organization_id, grant_id) WHERE grant_id IS NOT NULL;

-- The sanctions log (164.308(a)(1)(ii)(C)): who, when, what kind of violation, what was done.
CREATE TABLE sanctions (
  id text PRIMARY KEY DEFAULT ('san_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  person_id text NOT NULL,
  occurred_on date NOT NULL,
  category text NOT NULL CHECK (category IN ('unauthorized-access', 'improper-disclosure',
    'security-practice', 'training-noncompliance', 'policy-violation', 'other')),
  action text NOT NULL CHECK (action IN ('verbal-warning', 'written-warning', 'retraining',
    'access-restricted', 'suspension', 'termination', 'other')),
  -- The id of the policy violated (e.g. system-access), when one applies.
  policy_id text CHECK (policy_id ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  notes text CHECK (length(notes) <= 4000),
  recorded_by text NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  UNIQUE (organization_id, id),
  FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id)
);
CREATE INDEX sanctions_date ON sanctions (organization_id, occurred_on);

CREATE INDEX people_roster ON people (organization_id, lower(full_name));
