-- Email that a state change owes, written in the transaction that made the change
-- (src/modules/outbox/). A committed publish therefore always gets its announcements, a rolled-back
-- one never does, and the request does not wait for the mail server. Messages hold no secrets and no
-- ePHI (invitation links, which carry a token, are never queued here).
CREATE TABLE outbox_emails (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  -- What the message is for, e.g. 'policy-version-published'.
  purpose text NOT NULL,
  -- The record it is about (e.g. 'policy-version', pvr_...), so its page can say how delivery went.
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  -- Tries so far; the next one no earlier than next_attempt_at.
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL,
  -- Set while one process sends it, so another leaves it alone; a sender that died lets it lapse.
  claimed_until timestamptz,
  sent_at timestamptz,
  -- After the last try failed: the message is kept, not sent again.
  gave_up_at timestamptz,
  -- The last failure's kind (error name and code), never its message.
  last_failure text
);

CREATE INDEX outbox_emails_subject ON outbox_emails (organization_id, subject_type, subject_id);

CREATE INDEX outbox_emails_pending ON outbox_emails (next_attempt_at, id)
  WHERE sent_at IS NULL AND gave_up_at IS NULL;
