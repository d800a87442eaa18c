package io.stepwise.server.protocol;

import java.time.Instant;

/**
 * What one request carries beside its body: its id (the {@code x-amzn-RequestId} of the answer)
 * and the instant it was received, which is the one "now" of everything the request does
 * (creation dates, token ages), truncated to the millisecond the protocol sends.
 */
public record RequestContext(String requestId, Instant now) {}
