-- Schema version 2: a history is kept as chunks of consecutive events, one row per chunk (a step's
-- events, split at HistoryChunks' bounds) instead of one row per event. A step of ten events was
-- ten B-tree inserts, each bound and stepped through the driver on the one writer thread; as one
-- row it is one. A chunk's json is its events' objects joined by commas (an array without its
-- brackets), so a page of history is read by parsing the chunks it spans.
CREATE TABLE event_chunks (
  execution_id INTEGER NOT NULL,
  first_id INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (execution_id, first_id)
) WITHOUT ROWID;
INSERT INTO event_chunks (execution_id, first_id, last_id, json) SELECT execution_id, id, id, json FROM events;
DROP TABLE events;

-- Derived rows (DerivedRows): work a step left that no timer or task row holds, for a restart to
-- find: 'continue' (the step ended with work left) or 'child ' || child ARN (a Distributed Map child
-- started, or to be started, whose end the parent has not received).
CREATE TABLE work (
  execution_id INTEGER NOT NULL,
  item TEXT NOT NULL,
  PRIMARY KEY (execution_id, item)
) WITHOUT ROWID;
