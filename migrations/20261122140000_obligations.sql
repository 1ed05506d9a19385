-- Policies that run: the workforce register, the obligations each approved policy version
-- creates, the events that trigger work, and every occurrence of that work with its deadline.
-- Composite foreign keys carry organization_id, so no row can point into another organization.

-- Lets rows of other tables name a policy version of their own organization.
ALTER TABLE policy_versions ADD CONSTRAINT policy_versions_organization_id UNIQUE (organization_id, id);

-- Employees and contractors, whether or not they have an account (user_id links the two).
CREATE TABLE people (
  id text PRIMARY KEY DEFAULT ('per_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  user_id text REFERENCES users (id),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  kind text NOT NULL CHECK (kind IN ('employee', 'contractor')),
  job_title text CHECK (length(job_title) <= 200),
  supervisor_id text,
  start_date date NOT NULL,
  -- The last working day; null while the person works here.
  end_date date,
  created_at timestamptz NOT NULL,
  UNIQUE (organization_id, id),
  UNIQUE (organization_id, email),
  FOREIGN KEY (organization_id, supervisor_id) REFERENCES people (organization_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX people_user ON people (organization_id, user_id) WHERE user_id IS NOT NULL;

-- One row per scheduled commitment per stretch of time in which its schedule did not change.
-- A new policy version that changes a commitment's schedule closes the row (effective_until) and
-- opens a new one from the version's effective date: the old row is the history.
CREATE TABLE obligations (
  id text PRIMARY KEY DEFAULT ('obl_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  commitment_id text NOT NULL,
  policy_id text NOT NULL,
  section_number text NOT NULL,
  -- The version that last defined this row (its sentence, citations and evidence).
  policy_version_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('recurring', 'triggered')),
  owner_role text NOT NULL,
  -- Recurring work owned by each workforce member runs one series per person, anchored at their start.
  per_person boolean NOT NULL,
  cadence_every integer CHECK (cadence_every > 0),
  cadence_unit text CHECK (cadence_unit IN ('day', 'week', 'month', 'year')),
  anchor_date date,
  trigger_event text,
  within_amount integer CHECK (within_amount > 0),
  within_unit text CHECK (within_unit IN ('hours', 'days')),
  grace_days integer NOT NULL CHECK (grace_days BETWEEN 0 AND 90),
  rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'array'),
  citations jsonb NOT NULL CHECK (jsonb_typeof(citations) = 'array'),
  text text NOT NULL,
  evidence text NOT NULL,
  -- Everything that decides when work falls due; an equal key means an unchanged schedule.
  schedule_key text NOT NULL,
  effective_from date NOT NULL,
  -- Work is owed from here: the later of effective_from and the day the row was written, so a
  -- backdated effective date does not invent missed work before Steward tracked it.
  tracked_from date NOT NULL,
  -- Exclusive; null while in effect.
  effective_until date,
  UNIQUE (organization_id, id),
  FOREIGN KEY (organization_id, policy_version_id) REFERENCES policy_versions (organization_id, id),
  CHECK (effective_until IS NULL OR effective_until >= effective_from),
  CHECK ((kind = 'recurring') = (cadence_every IS NOT NULL AND cadence_unit IS NOT NULL AND anchor_date IS NOT NULL)),
  CHECK ((kind = 'triggered') = (trigger_event IS NOT NULL AND within_amount IS NOT NULL AND within_unit IS NOT NULL))
);
CREATE UNIQUE INDEX obligations_in_effect ON obligations (organization_id, commitment_id) WHERE effective_until IS NULL;
CREATE INDEX obligations_commitment ON obligations (organization_id, commitment_id, effective_from);

-- Something happened that starts work: a hire, a termination, a lost key, a policy publication...
CREATE TABLE obligation_triggers (
  id text PRIMARY KEY DEFAULT ('trg_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  event text NOT NULL,
  occurred_at timestamptz NOT NULL,
  -- The record the event is about (a person, an incident...), for drill-down.
  subject_type text NOT NULL CHECK (length(subject_type) BETWEEN 1 AND 60),
  subject_id text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
  person_id text,
  -- Whose activity the resulting work reviews (separation of duties).
  subject_user_id text REFERENCES users (id),
  raised_by text NOT NULL,
  raised_at timestamptz NOT NULL,
  UNIQUE (organization_id, id),
  FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id)
);

-- One piece of work with its deadline. Status is computed from the instants (see statusSql), so it
-- never goes stale: open, then done / done late / waived; superseded when a new policy version
-- changed the schedule before the work was done (kept for history, not graded).
CREATE TABLE occurrences (
  id text PRIMARY KEY DEFAULT ('occ_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  obligation_id text NOT NULL,
  -- Unique within the obligation: "3" (third period), "per_x:3" (a person's third), "trg_x" (a trigger).
  series_key text NOT NULL,
  person_id text,
  subject_user_id text REFERENCES users (id),
  trigger_id text,
  starts_on date,
  due_on date NOT NULL,
  -- Deadline (exclusive), the instant it counts as due soon, and the end of the grace period.
  due_at timestamptz NOT NULL,
  due_soon_at timestamptz NOT NULL,
  overdue_at timestamptz NOT NULL,
  completed_at timestamptz,
  completed_by text REFERENCES users (id),
  completion_note text CHECK (length(completion_note) <= 4000),
  -- Evidence items attached when the work was completed (the dashboard sums it without a join).
  evidence_count integer NOT NULL DEFAULT 0 CHECK (evidence_count >= 0),
  waived_at timestamptz,
  waived_by text REFERENCES users (id),
  waiver_reason text CHECK (length(waiver_reason) <= 4000),
  superseded_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (organization_id, obligation_id, series_key),
  UNIQUE (organization_id, id),
  FOREIGN KEY (organization_id, obligation_id) REFERENCES obligations (organization_id, id),
  FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id),
  FOREIGN KEY (organization_id, trigger_id) REFERENCES obligation_triggers (organization_id, id),
  CHECK (completed_at IS NULL OR waived_at IS NULL),
  CHECK ((completed_at IS NULL) = (completed_by IS NULL)),
  CHECK ((waived_at IS NULL) = (waived_by IS NULL AND waiver_reason IS NULL))
);
CREATE INDEX occurrences_due ON occurrences (organization_id, due_at);
CREATE INDEX occurrences_obligation ON occurrences (organization_id, obligation_id, due_on);
CREATE INDEX occurrences_person ON occurrences (organization_id, person_id, due_at) WHERE person_id IS NOT NULL;
-- Open work is a small share of six years of history: inboxes and the dashboard read this index.
CREATE INDEX occurrences_open ON occurrences (organization_id, obligation_id, overdue_at)
  WHERE completed_at IS NULL AND waived_at IS NULL AND superseded_at IS NULL;
-- "Due or overdue now": a range of open work by the instant it became due soon.
CREATE INDEX occurrences_open_due ON occurrences (organization_id, due_soon_at)
  WHERE completed_at IS NULL AND waived_at IS NULL AND superseded_at IS NULL;

-- Closed work counted per obligation, kept in the transaction that closes an occurrence, so the
-- dashboard reads a row per obligation instead of six years of history on every request.
-- rebuildProgress (obligations.repo.ts) recomputes it from occurrences.
CREATE TABLE obligation_progress (
  organization_id text NOT NULL,
  obligation_id text NOT NULL,
  done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
  done_late integer NOT NULL DEFAULT 0 CHECK (done_late >= 0),
  waived integer NOT NULL DEFAULT 0 CHECK (waived >= 0),
  evidence integer NOT NULL DEFAULT 0 CHECK (evidence >= 0),
  last_completed_at timestamptz,
  PRIMARY KEY (organization_id, obligation_id),
  FOREIGN KEY (organization_id, obligation_id) REFERENCES obligations (organization_id, id)
);
