package io.stepwise.integrations.api;

import java.net.URI;

/**
 * What a service may need to know of the HTTP request that called it, beyond its body.
 *
 * @param endpoint the URL the client reached the server at ({@code http://localhost:8083}), from the
 *     request's Host header: SQS's queue URLs point there
 */
public record ApiRequest(URI endpoint) {
  /** For a call that came through no HTTP request (a Task state): the default port on localhost. */
  public static final ApiRequest LOCAL = new ApiRequest(URI.create("http://localhost:8083"));
}
