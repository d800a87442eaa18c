package io.stepwise.server.auth;

/**
 * Decides whether a request may be served, before its target is looked at. {@link #ANY} (the
 * default) takes every request, signed or not, with any credentials, as Step Functions Local
 * does; {@link SigV4Verifier} takes only requests signed with AWS Signature Version 4 by a key it
 * knows.
 */
@FunctionalInterface
public interface Authenticator {
  Authenticator ANY = (request, service) -> {};

  /**
   * Returns when the request may be served; else throws the ApiException AWS would answer.
   *
   * @param service the service a signature's credential scope must name: {@code states}, or the
   *     signing name of a local service's API served on the same port ({@code dynamodb})
   */
  void authenticate(HttpRequestParts request, String service);
}
