package io.stepwise.integrations.dynamodb.tasks;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** Request ids of DynamoDB's form: 52 characters of upper-case letters and digits. */
final class RequestIds {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final RandomGenerator RANDOM = new SecureRandom();

  private RequestIds() {}

  static String next() {
    StringBuilder b = new StringBuilder(52);
    for (int i = 0; i < 52; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
