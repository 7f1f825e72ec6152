-- Files customers send (screenshots, logs), kept with their conversation: the bytes in the row
-- (at most 10 MB each, a few per conversation), `kept` once a request lists them (then they stay
-- past the retention period, as the request does).
CREATE TABLE attachments (
  id              text PRIMARY KEY,
  seq             bigserial,
  conversation_id text NOT NULL,
  name            text NOT NULL,
  content_type    text NOT NULL,
  size            integer NOT NULL,
  sha256          text NOT NULL,
  at              timestamptz NOT NULL,
  at_text         text NOT NULL,
  kept            boolean NOT NULL DEFAULT false,
  content         bytea NOT NULL
);
CREATE INDEX attachments_conversation ON attachments (conversation_id, seq);
CREATE INDEX attachments_unkept ON attachments (at) WHERE NOT kept;
