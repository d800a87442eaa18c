package io.stepwise.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 Credential=...,
 * SignedHeaders=..., Signature=...}) as AWS does: the canonical request (method, path, query, the
 * signed headers, the payload's SHA-256, or {@code x-amz-content-sha256} as sent), the string to
 * sign under the credential's scope, and the HMAC-SHA256 chain from the secret of the access key.
 * The key must be one it was given, the session token the one that key has, the scope this
 * server's region and {@code states}, and the request's time ({@code X-Amz-Date}, else {@code
 * Date}) within 5 minutes of the server's clock. Anything else is refused with AWS's error.
 */
public final class SigV4Verifier implements Authenticator {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String SERVICE = "states";
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private final Map<String, Credentials> keys = new LinkedHashMap<>();
  private final String region;
  private final InstantSource clock;

  public SigV4Verifier(List<Credentials> credentials, String region, InstantSource clock) {
    if (credentials.isEmpty()) {
      throw new IllegalArgumentException("Signature verification needs at least one access key");
    }
    for (Credentials c : credentials) {
      keys.put(c.accessKeyId(), c);
    }
    this.region = region;
    this.clock = clock;
  }

  /** How many access keys are accepted (for the log line at start). */
  public int keyCount() {
    return keys.size();
  }

  @Override
  public void authenticate(HttpRequestParts request, String service) {
    String authorization = request.header("authorization");
    if (authorization == null || authorization.isBlank()) {
      throw AuthErrors.missing();
    }
    Authorization auth = Authorization.parse(authorization, request.header("x-amz-date") != null || request.header("date") != null);
    String[] scope = auth.credential().split("/", -1);
    if (scope.length != 5) {
      throw AuthErrors.incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
          + auth.credential() + "'");
    }
    if (!auth.signedHeaders().contains("host")) {
      throw AuthErrors.incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    String amzDate = request.header("x-amz-date");
    Instant signedAt = signedAt(amzDate, request.header("date"));
    String basicDate = amzDate != null ? amzDate : BASIC.format(signedAt);

    Credentials key = keys.get(scope[0]);
    String token = request.header("x-amz-security-token");
    if (key == null || !java.util.Objects.equals(key.sessionToken(), token)) {
      throw AuthErrors.unrecognized();
    }
    checkTime(signedAt, basicDate);
    if (!scope[1].equals(basicDate.substring(0, 8))) {
      throw AuthErrors.invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '" + scope[1]
          + "' != '" + basicDate.substring(0, 8) + "', from '" + basicDate + "'.");
    }
    if (!scope[2].equals(region)) {
      throw AuthErrors.invalid("Credential should be scoped to a valid region. ");
    }
    if (!scope[3].equals(service)) {
      throw AuthErrors.invalid("Credential should be scoped to correct service: '" + service + "'. ");
    }
    if (!scope[4].equals("aws4_request")) {
      throw AuthErrors.invalid("Credential should be scoped with a valid terminator: 'aws4_request', not '" + scope[4] + "'. ");
    }

    String payloadHash = payloadHash(request);
    String canonical = CanonicalRequest.of(request, auth.signedHeaders(), payloadHash);
    String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
    String stringToSign = ALGORITHM + "\n" + basicDate + "\n" + credentialScope + "\n" + HEX.formatHex(sha256(canonical));
    byte[] signingKey = hmac(("AWS4" + key.secretAccessKey()).getBytes(StandardCharsets.UTF_8), scope[1]);
    signingKey = hmac(signingKey, scope[2]);
    signingKey = hmac(signingKey, scope[3]);
    signingKey = hmac(signingKey, scope[4]);
    byte[] expected = HEX.formatHex(hmac(signingKey, stringToSign)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, auth.signature().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      throw AuthErrors.mismatch();
    }
  }

  private static Instant signedAt(String amzDate, String date) {
    if (amzDate != null) {
      try {
        return BASIC.parse(amzDate, Instant::from);
      } catch (DateTimeParseException e) {
        throw AuthErrors.incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
      }
    }
    try {
      return DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, Instant::from);
    } catch (DateTimeParseException e) {
      throw AuthErrors.incomplete("Date must be in RFC 1123 format. Got '" + date + "'.");
    }
  }

  /** AWS's words: "Signature expired: X is now earlier than Y (NOW - 5 min.)", or "not yet current" for a time ahead. */
  private void checkTime(Instant signedAt, String basicDate) {
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(SKEW))) {
      throw AuthErrors.invalid("Signature expired: " + basicDate + " is now earlier than " + BASIC.format(now.minus(SKEW)) + " ("
          + BASIC.format(now) + " - 5 min.)");
    }
    if (signedAt.isAfter(now.plus(SKEW))) {
      throw AuthErrors.invalid("Signature not yet current: " + basicDate + " is still later than " + BASIC.format(now.plus(SKEW)) + " ("
          + BASIC.format(now) + " + 5 min.)");
    }
  }

  /** The body's SHA-256, or x-amz-content-sha256 as sent; a declared hash the body does not have is refused. */
  private static String payloadHash(HttpRequestParts request) {
    String actual = HEX.formatHex(sha256(request.body()));
    String declared = request.header("x-amz-content-sha256");
    if (declared == null) {
      return actual;
    }
    if (declared.length() == 64 && !declared.equalsIgnoreCase(actual)) {
      throw AuthErrors.invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    return declared;
  }

  static byte[] sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  /** The parts of an Authorization header; IncompleteSignatureException naming every part missing. */
  record Authorization(String credential, List<String> signedHeaders, String signature) {
    static Authorization parse(String header, boolean hasDate) {
      String algorithm = header.strip();
      String rest = "";
      int space = algorithm.indexOf(' ');
      if (space > 0) {
        rest = algorithm.substring(space + 1);
        algorithm = algorithm.substring(0, space);
      }
      Map<String, String> params = new LinkedHashMap<>();
      if (algorithm.equals(ALGORITHM)) {
        for (String part : rest.split(",")) {
          int eq = part.indexOf('=');
          if (eq > 0) {
            params.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
          }
        }
      } else if (algorithm.startsWith("AWS4-")) {
        throw AuthErrors.incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'");
      }
      List<String> missing = new ArrayList<>();
      for (String p : List.of("Credential", "Signature", "SignedHeaders")) {
        if (params.get(p) == null || params.get(p).isEmpty()) {
          missing.add("Authorization header requires '" + p + "' parameter.");
        }
      }
      if (!hasDate) {
        missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
      }
      if (!missing.isEmpty()) {
        throw AuthErrors.incomplete(String.join(" ", missing) + " Authorization=" + header);
      }
      List<String> signed = List.of(params.get("SignedHeaders").toLowerCase(java.util.Locale.ROOT).split(";"));
      return new Authorization(params.get("Credential"), signed, params.get("Signature"));
    }
  }
}
