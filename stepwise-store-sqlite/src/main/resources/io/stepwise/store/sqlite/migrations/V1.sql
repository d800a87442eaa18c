-- Schema version 1 of the Stepwise SQLite store. A migration runs once, in one transaction with
-- its row in schema_version; statements end with a semicolon at the end of a line.

-- One row per execution. Its integer id keys everything else of it, so the per-event rows do not
-- repeat an 80-character ARN; event_count is the optimistic-concurrency check of the next step.
CREATE TABLE executions (
  id INTEGER PRIMARY KEY,
  arn TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  state_machine_arn TEXT NOT NULL,
  state_machine_name TEXT NOT NULL,
  version_arn TEXT,
  alias_arn TEXT,
  map_run_arn TEXT,
  type TEXT NOT NULL,
  synchronous INTEGER NOT NULL,
  payload_limit INTEGER NOT NULL,
  definition_sha256 TEXT NOT NULL,
  role_arn TEXT,
  input TEXT NOT NULL,
  start_date INTEGER NOT NULL,
  status TEXT NOT NULL,
  output TEXT,
  error TEXT,
  cause TEXT,
  stop_date INTEGER,
  event_count INTEGER NOT NULL
);

-- ListExecutions: newest first within a state machine, version, alias or Map Run
CREATE INDEX executions_by_state_machine ON executions (state_machine_arn, start_date DESC, arn DESC);
CREATE INDEX executions_by_version ON executions (version_arn, start_date DESC, arn DESC) WHERE version_arn IS NOT NULL;
CREATE INDEX executions_by_alias ON executions (alias_arn, start_date DESC, arn DESC) WHERE alias_arn IS NOT NULL;
CREATE INDEX executions_by_map_run ON executions (map_run_arn, start_date DESC, arn DESC) WHERE map_run_arn IS NOT NULL;
-- a restart's RUNNING executions, without reading the closed ones
CREATE INDEX executions_running ON executions (id) WHERE status = 'RUNNING';
-- retention: the closed executions by when they stopped
CREATE INDEX executions_by_stop_date ON executions (stop_date) WHERE stop_date IS NOT NULL;

-- One row per history event, as HistoryJson writes it: a page of history is a range of the key.
CREATE TABLE events (
  execution_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  type TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (execution_id, id)
) WITHOUT ROWID;

-- The Distributed Map children's ends a parent received, in order (seq), for its replay.
CREATE TABLE child_endings (
  seq INTEGER PRIMARY KEY,
  execution_id INTEGER NOT NULL,
  after_events INTEGER NOT NULL,
  ended TEXT NOT NULL
);
CREATE INDEX child_endings_by_execution ON child_endings (execution_id, seq);

-- Derived rows (DerivedRows): timers set and not fired or cancelled.
CREATE TABLE timers (
  execution_id INTEGER NOT NULL,
  timer_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  due INTEGER NOT NULL,
  PRIMARY KEY (execution_id, timer_id)
) WITHOUT ROWID;
CREATE INDEX timers_by_due ON timers (due, execution_id, timer_id);

-- Tasks scheduled and not ended; seq is the order they were scheduled in (GetActivityTask's order).
CREATE TABLE tasks (
  seq INTEGER PRIMARY KEY,
  execution_id INTEGER NOT NULL,
  scheduled_event_id INTEGER NOT NULL,
  command TEXT NOT NULL,
  task_token TEXT,
  activity_arn TEXT,
  started INTEGER NOT NULL DEFAULT 0,
  worker_name TEXT,
  UNIQUE (execution_id, scheduled_event_id)
);
-- an activity's tasks no worker has taken, oldest first
CREATE INDEX tasks_by_activity ON tasks (activity_arn, seq) WHERE activity_arn IS NOT NULL AND started = 0;

-- The task-token index: which execution's task a callback or an activity worker answers.
CREATE TABLE task_tokens (
  token TEXT PRIMARY KEY,
  execution_id INTEGER NOT NULL,
  scheduled_event_id INTEGER NOT NULL,
  activity_arn TEXT
) WITHOUT ROWID;
CREATE INDEX task_tokens_by_execution ON task_tokens (execution_id);
