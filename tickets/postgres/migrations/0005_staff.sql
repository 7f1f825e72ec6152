-- Staff accounts and signed-out sessions, shared by every instance: a sign-out on one is a
-- sign-out everywhere.
CREATE TABLE staff_accounts (
  email         text PRIMARY KEY,
  role          text NOT NULL CHECK (role IN ('viewer', 'agent', 'admin')),
  password_hash text NOT NULL,
  created_at    text NOT NULL,
  updated_at    text
);

CREATE TABLE staff_revocations (
  sid   text PRIMARY KEY,
  until bigint NOT NULL
);
CREATE INDEX staff_revocations_until ON staff_revocations (until);
