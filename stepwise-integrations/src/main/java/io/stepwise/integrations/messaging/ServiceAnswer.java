package io.stepwise.integrations.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A service's answer to a call a task made: its body as the service's JSON has it, with the
 * HTTP status, headers and request id it came with (what the optimised integrations' SDK
 * metadata shows).
 */
public record ServiceAnswer(ObjectNode body, int status, Map<String, List<String>> headers, String requestId) {}
