package io.stepwise.integrations.dynamodb.model;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;

/**
 * DynamoDB's numbers: up to 38 significant digits, magnitudes from 1E-130 to below 1E+126 (or
 * zero), written back in plain notation without trailing zeros ({@code 1.50} is {@code 1.5},
 * {@code 1e2} is {@code 100}).
 */
public final class Numbers {
  private Numbers() {}

  /**
   * Reads a number as DynamoDB accepts it.
   *
   * @throws DynamoDbException a ValidationException in DynamoDB's words
   */
  public static BigDecimal parse(String text) {
    BigDecimal d;
    try {
      d = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw DynamoDbException.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    return check(d);
  }

  /** Checks a computed or parsed number against DynamoDB's precision and range. */
  public static BigDecimal check(BigDecimal d) {
    if (d.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal n = d.stripTrailingZeros();
    if (n.precision() > 38) {
      throw DynamoDbException.validation("Attempting to store more than 38 significant digits in a Number");
    }
    // the exponent of the leading digit: 1.5e3 -> 3
    long leading = (long) n.precision() - n.scale() - 1;
    if (leading >= 126) {
      throw DynamoDbException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (leading < -130) {
      throw DynamoDbException.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    return n;
  }

  /** As DynamoDB writes a number back: plain notation, no trailing zeros. */
  public static String format(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  /**
   * Bytes whose unsigned lexicographic order is the numbers' order (for keys kept in SQLite):
   * a sign byte, the exponent, then the digits, negatives inverted and closed by 0xFF so that a
   * shorter one sorts after a longer one with the same start.
   */
  public static byte[] orderedBytes(BigDecimal d) {
    if (d.signum() == 0) {
      return new byte[] {(byte) 0x80};
    }
    BigDecimal n = d.stripTrailingZeros();
    String digits = n.unscaledValue().abs().toString();
    int exponent = n.precision() - n.scale(); // value = 0.digits x 10^exponent
    ByteArrayOutputStream out = new ByteArrayOutputStream(digits.length() + 4);
    if (n.signum() > 0) {
      out.write(0xC0);
      int e = exponent + 1000;
      out.write(e >> 8);
      out.write(e & 0xFF);
      for (int i = 0; i < digits.length(); i++) {
        out.write('0' + (digits.charAt(i) - '0') + 1);
      }
    } else {
      out.write(0x40);
      int e = 1000 - exponent;
      out.write(e >> 8);
      out.write(e & 0xFF);
      for (int i = 0; i < digits.length(); i++) {
        out.write('9' - (digits.charAt(i) - '0') + 1);
      }
      out.write(0xFF);
    }
    return out.toByteArray();
  }
}
