/**
 * Execution logs as AWS writes them to CloudWatch Logs: for each state machine whose
 * loggingConfiguration asks for them, one JSON line per history event of its level, written off the
 * executions' threads to standard output or to one file per log group.
 */
package io.stepwise.server.logs;
