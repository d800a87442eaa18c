-- Schema version 5: RedriveExecution. An execution keeps how many times it was redriven and when
-- last, for DescribeExecution and ListExecutions (its redriveFilter) without reading its history.
ALTER TABLE executions ADD COLUMN redrive_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE executions ADD COLUMN redrive_date INTEGER;
