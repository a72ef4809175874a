-- One row per imported file.
CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL,
  path          TEXT,
  size          INTEGER NOT NULL,
  sha256        TEXT    NOT NULL,
  head_sha256   TEXT    NOT NULL,
  format        TEXT    NOT NULL,
  mapping       TEXT,               -- JSON object column -> field, or NULL
  time_zone     TEXT    NOT NULL,   -- zone assumed for timestamps without one
  imported_at   INTEGER NOT NULL,   -- epoch ms
  status        TEXT    NOT NULL CHECK (status IN ('importing', 'complete')),
  owner_pid     INTEGER,            -- process writing an 'importing' source
  entry_count   INTEGER NOT NULL DEFAULT 0,
  skipped_count INTEGER NOT NULL DEFAULT 0,
  error_count   INTEGER NOT NULL DEFAULT 0,
  errors        TEXT    NOT NULL DEFAULT '[]', -- JSON [{position, message}] (first 1000)
  first_ts      INTEGER,
  last_ts       INTEGER,
  duration_ms   INTEGER NOT NULL DEFAULT 0,
  secrets_kept  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sources_by_sha ON sources (sha256);
CREATE INDEX sources_by_size ON sources (size, head_sha256);

-- One row per API call: the narrow, filterable part.
CREATE TABLE entries (
  id             INTEGER PRIMARY KEY,
  source_id      INTEGER NOT NULL,
  position       INTEGER NOT NULL,  -- line number or entry index in the source (1-based)
  ts             INTEGER,           -- UTC epoch ms
  api_user       TEXT,
  agent_user     TEXT,
  function       TEXT,
  result         TEXT    NOT NULL CHECK (result IN ('success', 'error', 'notice')),
  status_code    INTEGER,
  status_text    TEXT,
  result_reason  TEXT,
  error_code     TEXT,
  method         TEXT,
  url            TEXT,
  host           TEXT,
  path           TEXT,
  endpoint       TEXT,
  service        TEXT,
  tenant         TEXT,
  client_ip      TEXT,
  duration_ms    REAL,
  delay_ms       REAL,
  correlation_id TEXT,
  origin         TEXT
);

-- The wide part, read only by the detail panes and exports.
CREATE TABLE entry_payloads (
  entry_id               INTEGER PRIMARY KEY,
  request_headers        TEXT,     -- JSON [[name, value], ...] when seen once, else
  request_headers_id     INTEGER,  -- header_sets.id of a list repeated across calls
  request_body           TEXT,
  request_body_encoding  TEXT,
  response_headers       TEXT,
  response_headers_id    INTEGER,
  response_body          TEXT,
  response_body_encoding TEXT,
  raw                    BLOB NOT NULL  -- TEXT as is, or a BLOB holding the deflated text of long records (no affinity)
);

-- Header lists often repeat from call to call (an access log has a handful of user agents): a
-- list seen more than once in a source is stored here once; unique lists stay inline.
CREATE TABLE header_sets (
  id        INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL,
  headers   TEXT    NOT NULL   -- JSON [[name, value], ...]
);
CREATE INDEX header_sets_by_source ON header_sets (source_id);

CREATE VIRTUAL TABLE entries_fts USING fts5 (
  url, result_reason, request_body, response_body,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE INDEX entries_by_ts ON entries (ts);
CREATE INDEX entries_by_source ON entries (source_id, position);
CREATE INDEX entries_by_api_user ON entries (api_user, ts);
CREATE INDEX entries_by_agent_user ON entries (agent_user, ts);
CREATE INDEX entries_by_function ON entries (function, ts);
CREATE INDEX entries_by_result ON entries (result, ts);
CREATE INDEX entries_by_status ON entries (status_code, ts);
CREATE INDEX entries_by_correlation ON entries (correlation_id) WHERE correlation_id IS NOT NULL;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
