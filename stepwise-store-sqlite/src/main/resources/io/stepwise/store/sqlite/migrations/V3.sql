-- Schema version 3: what the server keeps of the state machine revision an execution started
-- with (DescribeStateMachineForExecution), as text the store never reads; null in older rows.
ALTER TABLE executions ADD COLUMN revision TEXT;
