-- What the bot records beside requests: feedback, unanswered questions, answers shown, refused
-- status lookups and knowledge-base edits, one row each, by kind and time (the dashboard's ranges).
CREATE TABLE records (
  id              bigserial PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('feedback', 'unanswered', 'answer-shown', 'lookup-failure', 'kb-edit')),
  at              timestamptz NOT NULL,
  conversation_id text,
  body            jsonb NOT NULL
);
CREATE INDEX records_kind_at ON records (kind, at, id);
CREATE INDEX records_conversation ON records (conversation_id);
