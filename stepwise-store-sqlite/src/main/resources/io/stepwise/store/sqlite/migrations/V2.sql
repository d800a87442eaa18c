-- Schema version 2: what the server keeps of the state machine revision an execution started
-- with (DescribeStateMachineForExecution), as text the store never reads; null in rows of version 1.
ALTER TABLE executions ADD COLUMN revision TEXT;
