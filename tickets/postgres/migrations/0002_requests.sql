-- Tickets and callback requests. A reference's number comes from one sequence per level, shared by
-- every instance: unique, and gap-tolerant (a number drawn for a creation that then fails or turns
-- out to be a retry is simply not used). request_key (conversation + activity id) makes a creation
-- idempotent across instances. The request as the API returns it is `body`; the columns beside it
-- are what the staff pages filter, sort and erase by.
CREATE SEQUENCE request_number_l1;
CREATE SEQUENCE request_number_l2;

CREATE TABLE requests (
  reference       text PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('ticket', 'callback')),
  level           smallint NOT NULL CHECK (level IN (1, 2, 3, 4)),
  number          bigint NOT NULL,
  status          text NOT NULL CHECK (status IN ('open', 'in-progress', 'resolved', 'closed')),
  language        text NOT NULL,
  created_at      timestamptz NOT NULL,
  request_key     text UNIQUE,
  conversation_id text NOT NULL,
  email           text,
  phone           text,
  body            jsonb NOT NULL
);
CREATE INDEX requests_newest ON requests (created_at DESC, number DESC);
CREATE INDEX requests_status_newest ON requests (status, created_at DESC, number DESC);
CREATE INDEX requests_conversation ON requests (conversation_id);
CREATE INDEX requests_email ON requests (lower(email));
CREATE INDEX requests_phone ON requests (phone);
