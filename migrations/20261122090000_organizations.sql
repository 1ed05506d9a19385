-- Organizations: the tenant boundary. Every organization-scoped table references organizations.id,
-- and nothing crosses from one organization to another.
CREATE TABLE organizations (
  -- Prefixed ids say what they identify when they turn up in logs and URLs.
  id text PRIMARY KEY DEFAULT ('org_' || replace(gen_random_uuid()::text, '-', '')),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 63),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
