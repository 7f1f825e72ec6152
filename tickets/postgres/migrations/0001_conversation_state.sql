-- The bot's conversation state (botbuilder Storage): one row per key, its eTag beside the value so
-- a write based on a stale read can be refused by the UPDATE itself.
CREATE TABLE conversation_state (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  etag       text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_state_updated_at ON conversation_state (updated_at);
