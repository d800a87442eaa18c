package io.stepwise.engine.run;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The default source of new executions' identifiers (the engine is given its own with
 * {@code Engine.Builder.uuids}). Names need to be unique, not secret, so no SecureRandom.
 */
public final class Ids {
  private Ids() {}

  public static String randomUuid() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
