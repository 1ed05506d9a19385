-- What the scheduler has mailed. A row is written only after the message left, so a failed send
-- is retried on the next pass and a successful one is never repeated.

-- One reminder per member, occurrence and stage: once when the work falls due, once more if it
-- becomes overdue.
CREATE TABLE reminders_sent (
  organization_id text NOT NULL REFERENCES organizations (id),
  occurrence_id text NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  stage text NOT NULL CHECK (stage IN ('due', 'overdue')),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, occurrence_id, user_id, stage),
  FOREIGN KEY (organization_id, occurrence_id) REFERENCES occurrences (organization_id, id)
);

-- The officers' weekly digest: one per organization and ISO week ("2026-W11").
CREATE TABLE digests_sent (
  organization_id text NOT NULL REFERENCES organizations (id),
  week text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
  sent_at timestamptz NOT NULL,
  -- How many officers it reached (the audit event names them).
  recipients integer NOT NULL CHECK (recipients > 0),
  PRIMARY KEY (organization_id, week)
);
