package io.stepwise.integrations.sqs;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Receipt handles: each receive of a message gets a new one, naming its queue and message, so
 * that a handle of another shape is refused (ReceiptHandleIsInvalid) and one from an earlier
 * receive is recognised as stale.
 */
final class ReceiptHandles {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String MARK = "sw1";

  private ReceiptHandles() {}

  static String create(String queue, String messageId) {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    String text = MARK + "\n" + queue + "\n" + messageId + "\n" + HexFormat.of().formatHex(nonce);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the handle is one this server could have given out. */
  static boolean wellFormed(String handle) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(handle), StandardCharsets.UTF_8).split("\n", -1);
      return parts.length == 4 && parts[0].equals(MARK);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
