package io.stepwise.server.operations;

import io.stepwise.server.protocol.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pagination tokens as AWS's behave: opaque, valid only for the listing that issued them (the
 * same operation over the same resource: "keep all other arguments unchanged"), and expired after
 * 24 hours; anything else is InvalidToken. A token carries the key of the last item of its page,
 * so the next page starts after it however the list changed meanwhile, and an HMAC under a key
 * made when the server starts, so a token is neither forged nor carried to another listing (nor,
 * as on AWS, to another server).
 */
public final class PageTokens {
  /** How long a token is good for, as AWS documents. */
  public static final Duration LIFETIME = Duration.ofHours(24);
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAC_BYTES = 16;

  private final SecretKeySpec key;

  public PageTokens() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** A token for the page after {@code lastKey} of the listing {@code scope}. */
  public String issue(String scope, String lastKey, Instant now) {
    byte[] payload = (now.toEpochMilli() + ":" + lastKey).getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(scope, payload));
  }

  /** The last key a token names; InvalidToken when it is malformed, of another listing, or expired. */
  public String resume(String token, String scope, Instant now) {
    int dot = token.indexOf('.');
    byte[] payload;
    byte[] mac;
    try {
      payload = DECODER.decode(token.substring(0, Math.max(dot, 0)));
      mac = DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (dot < 0 || !Arrays.equals(mac, mac(scope, payload))) {
      throw invalid();
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    int colon = text.indexOf(':');
    long issued;
    try {
      issued = Long.parseLong(text.substring(0, colon));
    } catch (RuntimeException e) {
      throw invalid();
    }
    if (now.isAfter(Instant.ofEpochMilli(issued).plus(LIFETIME))) {
      throw ApiException.client("InvalidToken", "Invalid Token: 'The token has expired'");
    }
    return text.substring(colon + 1);
  }

  private byte[] mac(String scope, byte[] payload) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      m.update(scope.getBytes(StandardCharsets.UTF_8));
      m.update((byte) 0);
      return Arrays.copyOf(m.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static ApiException invalid() {
    return ApiException.client("InvalidToken", "Invalid Token: 'The token is not valid for this request'");
  }
}
