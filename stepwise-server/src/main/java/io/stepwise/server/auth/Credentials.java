package io.stepwise.server.auth;

/**
 * One access key the server accepts: its secret, and the session token a request signed with it
 * must carry (null for a long-term key, which then must carry none).
 *
 * @param profile where it came from (the credentials file's profile), for messages
 */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, String profile) {
  public Credentials {
    if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
      throw new IllegalArgumentException("An access key needs an id and a secret");
    }
  }

  /** Not the secret: what a log or a message may show. */
  @Override
  public String toString() {
    return "Credentials[" + accessKeyId + " of profile " + profile + "]";
  }
}
