package io.stepwise.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The most heap in use seen while a workload runs, sampled every few milliseconds. (The memory
 * pools' own peaks add up young and old generations at different moments and overstate it.)
 */
final class HeapSampler {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peak;

  private HeapSampler() {
    thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sample);
  }

  static HeapSampler start() {
    return new HeapSampler();
  }

  private void sample() {
    while (running) {
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops sampling and returns the peak in bytes. */
  long stop() throws IllegalStateException {
    running = false;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
  }
}
