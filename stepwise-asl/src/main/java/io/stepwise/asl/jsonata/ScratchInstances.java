package io.stepwise.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lends the library the per-thread scratch instance it evaluates with, so that a thread seen for
 * the first time does not build one.
 *
 * <p>The library evaluates every expression through a thread's "current" instance, which holds
 * the node being evaluated and its frame, and builds one (with its own parser, about 0.1 ms) the
 * first time a thread evaluates anything. With a virtual thread per task every evaluation would
 * pay that, under a global lock. Here a virtual thread without one borrows a pooled instance for
 * the length of the evaluation and hands it back after.
 *
 * <p>The library keeps that thread-local in a package-private field, read here by reflection. When
 * that is not possible (the library on the module path, say) nothing is lent and the library
 * builds its own, as it would anyway.
 */
final class ScratchInstances {
  private static final int MAX_POOLED = 256;
  private static final ThreadLocal<Jsonata> CURRENT = currentField();
  private static final ConcurrentLinkedQueue<Jsonata> POOL = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger POOLED = new AtomicInteger();

  private ScratchInstances() {}

  @SuppressWarnings("unchecked")
  private static ThreadLocal<Jsonata> currentField() {
    try {
      Field f = Jsonata.class.getDeclaredField("current");
      f.setAccessible(true);
      return (ThreadLocal<Jsonata>) f.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Whether instances can be lent at all. */
  static boolean available() {
    return CURRENT != null;
  }

  /**
   * Gives a virtual thread a scratch instance if it has none. A platform thread lives long enough
   * to keep the one the library builds for it.
   *
   * @return the instance lent, to hand to {@link #giveBack}; null when the thread has its own
   */
  static Jsonata lend() {
    if (CURRENT == null || !Thread.currentThread().isVirtual() || CURRENT.get() != null) {
      return null;
    }
    Jsonata scratch = POOL.poll();
    if (scratch == null) {
      scratch = Jsonata.jsonata("0"); // its constructor makes it this thread's current instance
    } else {
      POOLED.decrementAndGet();
    }
    CURRENT.set(scratch);
    return scratch;
  }

  static void giveBack(Jsonata scratch) {
    if (scratch == null) {
      return;
    }
    CURRENT.remove();
    if (POOLED.incrementAndGet() <= MAX_POOLED) {
      POOL.offer(scratch);
    } else {
      POOLED.decrementAndGet();
    }
  }

  /**
   * Makes sure a just-compiled, shared expression is not this thread's current instance: the
   * library's constructor makes it so, and evaluations on this thread would then write their frames
   * into the shared expression (see {@link JsonataExpression}).
   */
  static void detach() {
    if (CURRENT != null) {
      CURRENT.remove();
    } else {
      Jsonata.jsonata("0"); // takes the role over from the shared expression
    }
  }
}
