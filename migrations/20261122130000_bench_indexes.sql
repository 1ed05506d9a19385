-- Found by `npm run bench` (bench/server.ts): every read of the current policy version
-- (GET /api/v1/policies, GET /api/v1/acknowledgments) took `documentVersion`, `effectiveDate` and
-- the policy list out of `rendered`, which holds the whole text of every policy (about 350 KB as
-- JSON, stored compressed). PostgreSQL decompresses the full value for each `rendered->...`
-- expression, three times per request. The small parts are now kept beside it, computed by the
-- database from `rendered` itself, so they can never disagree with it and writers change nothing.

-- The policies of a rendered set without their text: [{ id, number, title, summary }] in order.
CREATE FUNCTION policy_summaries(rendered jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(jsonb_agg(jsonb_build_object('id', p->>'id', 'number', (p->>'number')::int,
                                               'title', p->>'title', 'summary', p->>'summary') ORDER BY n),
                  '[]'::jsonb)
    FROM jsonb_array_elements(rendered->'policies') WITH ORDINALITY AS e(p, n)
$$;

ALTER TABLE policy_versions
  ADD COLUMN document_version text GENERATED ALWAYS AS (rendered->>'documentVersion') STORED,
  ADD COLUMN effective_date text GENERATED ALWAYS AS (rendered->>'effectiveDate') STORED,
  ADD COLUMN summaries jsonb GENERATED ALWAYS AS (policy_summaries(rendered)) STORED;

-- "Has this member acknowledged this version?" for every member of a list. PGlite never collects
-- table statistics, and without them the planner answered it from (organization_id,
-- policy_version_id) and filtered on user_id, reading every acknowledgment of the version once per
-- member (1,000 members: about 600,000 rows a request). With user_id in the index the lookup is
-- exact on both engines; the wider index serves every query the old one did.
DROP INDEX acknowledgments_version;
CREATE INDEX acknowledgments_version ON acknowledgments (organization_id, policy_version_id, user_id);
