-- Evidence: files and links that show a commitment was kept, attached to any record or
-- occurrence. File contents are stored encrypted (AES-256-GCM, src/evidence/cipher.ts) in
-- evidence_blobs, addressed by the SHA-256 of the plaintext; evidence rows hold what people see.
-- Rows are never deleted: disposal removes the file and keeps the row with disposed_at, so the
-- record that the evidence existed outlives its contents.

CREATE TABLE evidence (
  id text PRIMARY KEY DEFAULT ('evd_' || replace(gen_random_uuid()::text, '-', '')),
  organization_id text NOT NULL REFERENCES organizations (id),
  kind text NOT NULL CHECK (kind IN ('file', 'link')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Files: the name and media type the uploader's browser declared, the size and the address.
  filename text CHECK (length(filename) BETWEEN 1 AND 255),
  media_type text CHECK (length(media_type) BETWEEN 3 AND 255),
  size_bytes bigint CHECK (size_bytes > 0),
  -- Hex SHA-256 of the plaintext: the blob's address, what `sha256sum` prints for the file.
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- Links: an http or https address.
  url text CHECK (url ~ '^https?://' AND length(url) <= 2000),
  -- The day the evidence took effect (a signed agreement, a training completed), which is not
  -- necessarily the day it was uploaded.
  effective_date date NOT NULL,
  -- The day it stopped being in effect, set by an officer; null while it still is.
  last_effective_date date CHECK (last_effective_date >= effective_date),
  -- 164.316(b)(2)(i): kept six years from the date it was last in effect. Computed by the
  -- database, so it can never disagree with the two dates. PostgreSQL clamps to the end of the
  -- month: 2024-02-29 + 6 years is 2030-02-28.
  retain_until date GENERATED ALWAYS AS
    ((coalesce(last_effective_date, effective_date) + interval '6 years')::date) STORED,
  -- A legal hold blocks disposal whatever retain_until says.
  legal_hold boolean NOT NULL DEFAULT false,
  legal_hold_reason text CHECK (length(legal_hold_reason) BETWEEN 1 AND 500),
  uploaded_at timestamptz NOT NULL,
  -- The user id of the uploader (the actor id for the CLI).
  uploaded_by text NOT NULL CHECK (length(uploaded_by) BETWEEN 1 AND 200),
  disposed_at timestamptz,
  disposed_by text CHECK (length(disposed_by) BETWEEN 1 AND 200),
  CHECK (
    (kind = 'file' AND filename IS NOT NULL AND media_type IS NOT NULL AND size_bytes IS NOT NULL
      AND sha256 IS NOT NULL AND url IS NULL)
    OR (kind = 'link' AND url IS NOT NULL AND filename IS NULL AND media_type IS NULL
      AND size_bytes IS NULL AND sha256 IS NULL)
  ),
  CHECK ((disposed_at IS NULL) = (disposed_by IS NULL)),
  UNIQUE (organization_id, id)
);
CREATE INDEX evidence_organization ON evidence (organization_id, uploaded_at);
-- "Is this blob still used?" when evidence is disposed.
CREATE INDEX evidence_blob_users ON evidence (organization_id, sha256) WHERE sha256 IS NOT NULL;

-- Encrypted file contents, one per organization and plaintext: an identical file uploaded twice in
-- one organization is stored once. `ciphertext` is the 12-byte IV, the 16-byte GCM tag, then the
-- encrypted bytes; the additional authenticated data binds key_id, organization_id and sha256, so
-- a blob copied to another organization or address fails to decrypt. Kept in the database so an
-- upload is one transaction on both engines; an object store is the scale-out path (BlobStore in
-- src/evidence/blob-store.ts).
CREATE TABLE evidence_blobs (
  organization_id text NOT NULL REFERENCES organizations (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- The key that encrypted it (an id from STEWARD_EVIDENCE_KEYS); rotation rewrites it.
  key_id text NOT NULL CHECK (length(key_id) BETWEEN 1 AND 64),
  ciphertext bytea NOT NULL CHECK (length(ciphertext) > 28),
  PRIMARY KEY (organization_id, sha256)
);
-- Rotation looks for blobs under any key but the active one.
CREATE INDEX evidence_blobs_key ON evidence_blobs (key_id);

-- What evidence is attached to: any record or occurrence, named by a type (`obligation-occurrence`,
-- `member`...) and an id. The module that owns the subject checks it exists before linking.
CREATE TABLE evidence_links (
  organization_id text NOT NULL,
  evidence_id text NOT NULL,
  subject_type text NOT NULL CHECK (subject_type ~ '^[a-z][a-z0-9-]{0,62}$'),
  subject_id text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
  linked_at timestamptz NOT NULL,
  linked_by text NOT NULL CHECK (length(linked_by) BETWEEN 1 AND 200),
  PRIMARY KEY (evidence_id, subject_type, subject_id),
  FOREIGN KEY (organization_id, evidence_id) REFERENCES evidence (organization_id, id)
);
CREATE INDEX evidence_links_subject ON evidence_links (organization_id, subject_type, subject_id);
