-- The ledger's first schema, for SQLite and PostgreSQL alike (${seq}: each back end's auto-increasing key).
-- Records are stored whole as JSON text (the engine's Jackson mapping), beside the columns they are looked up by:
-- a field added to a record needs no schema change.

CREATE TABLE releases (
    seq          ${seq},
    id           TEXT NOT NULL UNIQUE,
    digest       TEXT NOT NULL,
    repository   TEXT NOT NULL,
    input_digest TEXT,
    created_ns   BIGINT NOT NULL,
    body         TEXT NOT NULL
);
CREATE INDEX releases_by_digest ON releases (digest);
CREATE INDEX releases_by_created ON releases (created_ns, seq);
CREATE INDEX releases_by_input ON releases (input_digest, repository);

CREATE TABLE deployments (
    seq         ${seq},
    environment TEXT NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX deployments_by_environment ON deployments (environment, seq);

CREATE TABLE intents (
    seq         ${seq},
    environment TEXT NOT NULL,
    intent_id   TEXT NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX intents_by_environment ON intents (environment, seq);

-- Settings and last known state: a cache of what the target holds.
CREATE TABLE environments (
    name  TEXT PRIMARY KEY,
    state TEXT NOT NULL
);

CREATE TABLE provenance (
    release_id TEXT PRIMARY KEY,
    statement  TEXT NOT NULL
);

-- Environment locks of a shared database: a lease, taken atomically; token '' means released.
CREATE TABLE environment_leases (
    environment TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    token       TEXT NOT NULL,
    expires_ms  BIGINT NOT NULL
);

-- What was imported into this database, once (a state folder's journal).
CREATE TABLE imports (
    source  TEXT PRIMARY KEY,
    summary TEXT NOT NULL
);
