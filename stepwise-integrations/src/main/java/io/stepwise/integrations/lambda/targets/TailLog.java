package io.stepwise.integrations.lambda.targets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** LogType Tail: the last 4 KB of the invocation's log, as Lambda writes it, base64-encoded. */
public final class TailLog {
  private static final int TAIL_BYTES = 4096;

  private TailLog() {}

  /** @param lines what the function wrote to its log during the invocation */
  public static String of(String requestId, List<String> lines, long durationNanos, int memoryMb) {
    StringBuilder sb = new StringBuilder();
    sb.append("START RequestId: ").append(requestId).append(" Version: $LATEST\n");
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    double ms = durationNanos / 1e6;
    sb.append("END RequestId: ").append(requestId).append('\n');
    sb.append(String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB\t\n",
        requestId, ms, (long) Math.ceil(ms), memoryMb, memoryMb));
    byte[] all = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] tail = all.length <= TAIL_BYTES ? all : Arrays.copyOfRange(all, all.length - TAIL_BYTES, all.length);
    return Base64.getEncoder().encodeToString(tail);
  }
}
