package io.stepwise.server.auth;

/**
 * Decides whether a request may be served, before its target is looked at. {@link #ANY} (the
 * default) takes every request, signed or not, with any credentials, as Step Functions Local
 * does; {@link SigV4Verifier} takes only requests signed with AWS Signature Version 4 by a key it
 * knows.
 */
@FunctionalInterface
public interface Authenticator {
  Authenticator ANY = request -> {};

  /** Returns when the request may be served; else throws the ApiException AWS would answer. */
  void authenticate(HttpRequestParts request);
}
