-- Schema version 7: mocked service integrations. An execution started with a test case of the
-- mock configuration (StartExecution of ARN#Case) keeps its name, so that after a restart its
-- mocked states are still answered by their mocks.
ALTER TABLE executions ADD COLUMN test_case TEXT;
