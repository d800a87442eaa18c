/**
 * The web console: plain HTML, CSS and JavaScript shipped in the jar (no Node toolchain needed to
 * run it), served beside the API. The pages read and act through the Step Functions API itself
 * ({@code POST /} with {@code X-Amz-Target}), so they show exactly what the SDKs see; what that API
 * cannot list (every machine's executions filtered by status and start time, an activity's tasks)
 * they read from the read-only data endpoints under {@code /console/api/} ({@link
 * io.stepwise.server.console.ConsoleData}).
 */
package io.stepwise.server.console;
