-- The inbox's text search (reference, contact, reason, the conversation copied with the request,
-- the messages since), case and accents aside: the application keeps the folded text in `search`
-- (requestSearch.ts, the same folding as the embedded store), and a trigram index answers
-- LIKE '%…%' on it by reading only the requests that hold every three-letter piece of the words.
-- Rows from before this migration are filled in by the application at start (backfillRequestSearch).
ALTER TABLE requests ADD COLUMN search text;
DO $$
DECLARE
  home text;
BEGIN
  SELECT n.nspname INTO home FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  EXECUTE format('CREATE INDEX requests_search ON requests USING gin (search %I.gin_trgm_ops)', home);
END
$$;
