-- The staff pages at 100,000 conversations and more (measured by npm run bench:load -- --storage
-- postgres --prefill 100000).
--
-- Transcript search: "a message contains the text", case and accents aside, is a LIKE '%…%' on the
-- folded text of the summary row, which a trigram index answers by reading only the conversations
-- that hold every three-letter piece of the text, instead of every conversation. pg_trgm comes with
-- PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the database owner may create
-- it. Where a DBA has installed it already, in whatever schema, that one is used. Else it goes into
-- public, shared by every schema of the database, so that dropping one schema (a test's, a bench
-- run's) cannot take the extension, and with it the search index, from the others; the current
-- schema where there is no public. Its operator class is named with its schema: the application's
-- search_path need not hold it (LIKE itself is built in).
DO $$
DECLARE
  home text;
BEGIN
  SELECT n.nspname INTO home FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  IF home IS NULL THEN
    home := CASE WHEN EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public') THEN 'public' ELSE current_schema() END;
    EXECUTE format('CREATE EXTENSION pg_trgm SCHEMA %I', home);
  END IF;
  EXECUTE format('CREATE INDEX conversations_search ON conversations USING gin (search_text %I.gin_trgm_ops) WHERE user_wrote', home);
END
$$;

-- The conversation list and its total: the conversations the customer wrote in, newest last activity
-- first, with the start time the range compares, so the page and the count read this index alone.
CREATE INDEX conversations_listed ON conversations (last_at DESC, conversation_id) INCLUDE (first_at) WHERE user_wrote;

-- The dashboard and the unanswered questions read a month of one kind of record in time order. In
-- records_kind_at the kinds are interleaved, so the planner expected random reads and chose to read
-- the whole table and sort it (on disk, past work_mem): an index per kind, time first, is read in
-- order, and the table's order follows it.
CREATE INDEX records_feedback_at ON records (at, id) WHERE kind = 'feedback';
CREATE INDEX records_unanswered_at ON records (at, id) WHERE kind = 'unanswered';
CREATE INDEX records_answer_shown_at ON records (at, id) WHERE kind = 'answer-shown';
CREATE INDEX records_lookup_failure_at ON records (at, id) WHERE kind = 'lookup-failure';
