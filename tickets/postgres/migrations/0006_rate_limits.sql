-- Rate-limit counters shared by every instance, in the layout rate-limiter-flexible's PostgreSQL
-- store reads (key, points, expire in ms); the key is text, not varchar(255): a sign-in counter's
-- key holds an email and an address.
CREATE TABLE rate_limits (
  key    text PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
CREATE INDEX rate_limits_expire ON rate_limits (expire);
