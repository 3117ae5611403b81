-- The statements a workshop sent, in the order they were stored. The same
-- file runs on SQLite and PostgreSQL: plain types only, and `seq` is given by
-- the server (no AUTOINCREMENT / SERIAL, which differ between the two).
CREATE TABLE statements (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    stored_us BIGINT NOT NULL,
    body TEXT NOT NULL
);

CREATE INDEX statements_stored ON statements (stored_us);

-- How far each relay to an external LRS got: the last `seq` it accepted.
CREATE TABLE forward_cursor (
    target TEXT PRIMARY KEY,
    seq BIGINT NOT NULL
);
