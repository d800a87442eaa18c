-- Schema version 8: the console's listings. Every execution newest first (of every state machine),
-- by status and within a start-time range, and a machine's by status, each a range of an index
-- rather than a scan that filters (a page of FAILED among 100,000 SUCCEEDED reads a page of rows).
-- type leads the all-machines indexes because the listing leaves Express executions out, as
-- ListExecutions does. The status indexes leave SUCCEEDED out: most executions end so, in the write
-- that creates them, and would pay two more index inserts each; a SUCCEEDED listing reads the
-- indexes without status, where most rows are SUCCEEDED anyway.
CREATE INDEX executions_by_type_start ON executions (type, start_date DESC, arn DESC);
CREATE INDEX executions_by_type_status ON executions (type, status, start_date DESC, arn DESC) WHERE status <> 'SUCCEEDED';
CREATE INDEX executions_by_state_machine_status ON executions (state_machine_arn, status, start_date DESC, arn DESC)
  WHERE status <> 'SUCCEEDED';
-- an activity's tasks a worker took and has not answered, oldest first
CREATE INDEX tasks_taken_by_activity ON tasks (activity_arn, seq) WHERE activity_arn IS NOT NULL AND started = 1;
