-- Saved views: a named filter, time range, search, column layout and sort (src/main/views).
CREATE TABLE saved_views (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL,          -- as the user typed it (trimmed)
  name_key     TEXT    NOT NULL UNIQUE,   -- lower-cased name: names are unique ignoring case
  spec         TEXT    NOT NULL,          -- JSON {filter, timeRange, search, columns, sort}
  created_at   INTEGER NOT NULL,          -- epoch ms
  updated_at   INTEGER NOT NULL,          -- epoch ms
  last_used_at INTEGER                    -- epoch ms; the most recent one comes back at start
);
CREATE INDEX saved_views_by_last_used ON saved_views (last_used_at) WHERE last_used_at IS NOT NULL;
