-- Schema version 4: Distributed Map runs (DescribeMapRun, ListMapRuns).

-- How many of its Map Run's items a child execution processes (1, or its batch's); 0 for a
-- top-level execution. A run's item counts by status are sums of it over the run's children.
ALTER TABLE executions ADD COLUMN map_run_items INTEGER NOT NULL DEFAULT 0;

-- One row per Map Run, as the steps of the execution that runs it leave it (PutMapRun): its
-- settings, its totals and how it ended. Its children are counted from their own rows.
CREATE TABLE map_runs (
  id INTEGER PRIMARY KEY,
  arn TEXT NOT NULL UNIQUE,
  execution_id INTEGER NOT NULL,
  state_machine_arn TEXT NOT NULL,
  status TEXT NOT NULL,
  start_date INTEGER NOT NULL,
  stop_date INTEGER,
  max_concurrency INTEGER NOT NULL,
  tolerated_failure_count INTEGER NOT NULL,
  tolerated_failure_percentage REAL NOT NULL,
  children INTEGER NOT NULL,
  items INTEGER NOT NULL,
  children_written INTEGER NOT NULL,
  items_written INTEGER NOT NULL
);
-- ListMapRuns: an execution's runs, newest first
CREATE INDEX map_runs_by_execution ON map_runs (execution_id, start_date DESC, arn DESC);
