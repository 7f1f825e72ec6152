-- Conversation transcripts: every activity in order, and one summary row per conversation that
-- the staff's list and search read (time range, whether the customer wrote, the folded text of its
-- messages), kept up to date by each append.
CREATE TABLE conversations (
  conversation_id text PRIMARY KEY,
  first_at        timestamptz NOT NULL,
  last_at         timestamptz NOT NULL,
  user_wrote      boolean NOT NULL DEFAULT false,
  bytes           bigint NOT NULL DEFAULT 0,
  search_text     text NOT NULL DEFAULT ''
);
CREATE INDEX conversations_last_at ON conversations (last_at DESC);

CREATE TABLE transcript_entries (
  id              bigserial PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations ON DELETE CASCADE,
  at              timestamptz NOT NULL,
  body            jsonb NOT NULL
);
CREATE INDEX transcript_entries_conversation ON transcript_entries (conversation_id, id);
