-- Schema version 6: a Map Run redriven with its execution. The run keeps how many times it was
-- redriven and when last, and how many of its children (and of their items) its redrive has yet
-- to run again, for DescribeMapRun.
ALTER TABLE map_runs ADD COLUMN redrive_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE map_runs ADD COLUMN redrive_date INTEGER;
ALTER TABLE map_runs ADD COLUMN pending_redrive INTEGER NOT NULL DEFAULT 0;
ALTER TABLE map_runs ADD COLUMN pending_redrive_items INTEGER NOT NULL DEFAULT 0;
