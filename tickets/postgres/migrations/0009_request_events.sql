-- Requests are owned and prioritised by staff, and everything that happens to one is an event kept
-- in the same transaction as the change (the outbox): notifications are delivered from here by
-- whichever instance claims an event first (FOR UPDATE SKIP LOCKED), so two instances never both
-- announce it, and a failed delivery is retried from next_at without failing the staff action.
ALTER TABLE requests
  ADD COLUMN assignee text,
  ADD COLUMN priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  ADD COLUMN first_reply_at timestamptz;
CREATE INDEX requests_assignee_newest ON requests (assignee, created_at DESC, number DESC);

-- (No foreign key to requests: erasing a person deletes their events with their requests, in the
-- same statement's transaction, and a reference alone is no personal data.)
CREATE TABLE request_events (
  seq           bigserial,
  id            text PRIMARY KEY,
  reference     text NOT NULL,
  at            timestamptz NOT NULL,
  event         jsonb NOT NULL,
  delivered     text[] NOT NULL DEFAULT '{}',
  attempts      integer NOT NULL DEFAULT 0,
  next_at       timestamptz NOT NULL,
  claimed_until timestamptz,
  last_error    text,
  finished_at   timestamptz
);
CREATE INDEX request_events_due ON request_events (next_at, seq) WHERE finished_at IS NULL;
CREATE INDEX request_events_reference ON request_events (reference);
