-- Staff accounts that can be disabled, and the staff audit: sign-ins, failed sign-ins, sign-outs and
-- every change made from the console or `npm run staff:add`, shared by every instance.
--
-- disabled_at: when an admin disabled the account (NULL: active). sessions_ended_at: sessions opened
-- at or before it are over; it stays when the account is enabled again, so its old sessions do not
-- come back. Times as text, like the other columns of staff_accounts.
ALTER TABLE staff_accounts ADD COLUMN disabled_at text, ADD COLUMN sessions_ended_at text;

-- Kept as long as the deployment keeps it: the retention purge and the privacy erasure of a
-- customer do not touch it (it holds staff data only). No CHECK on action: a later version may
-- record new actions without a migration; the application checks what it writes.
CREATE TABLE staff_audit (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL,
  actor   text NOT NULL,
  action  text NOT NULL,
  target  text,
  details text,
  address text
);
-- The audit page: newest first, all of it or one action or one actor, in a time range.
CREATE INDEX staff_audit_at ON staff_audit (at DESC, id DESC);
CREATE INDEX staff_audit_action_at ON staff_audit (action, at DESC, id DESC);
CREATE INDEX staff_audit_actor_at ON staff_audit (actor, at DESC, id DESC);
