package io.stepwise.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random state machines that always end: states only move forward (state i goes to some j > i),
 * nested Parallel branches and Map processors are small machines of the same kind. Tasks call one
 * resource whose outcome is a function of the state and the attempt (see {@link #outcome}), so a
 * run resumed after a crash agrees with one never stopped.
 */
final class GeneratedMachines {
  static final String RESOURCE = "arn:aws:states:::aws-sdk:gen:work";

  private final Random random;
  private int names;

  GeneratedMachines(long seed) {
    this.random = new Random(seed);
  }

  /** A whole definition: JSONPath mode, with states of every kind but activities. */
  String machine() {
    return graph(0);
  }

  private String graph(int depth) {
    int count = 2 + random.nextInt(depth == 0 ? 6 : 3);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add("S" + (names++));
    }
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String next = i == count - 1 ? null : ids.get(i + 1);
      // a Catch leads to the graph's last state, which is after every state that may have one
      String catchTo = i < count - 1 ? ids.get(count - 1) : null;
      states.append(i == 0 ? "" : ",").append('"').append(ids.get(i)).append("\":").append(state(depth, next, catchTo));
    }
    return "{\"StartAt\":\"" + ids.get(0) + "\",\"States\":{" + states + "}}";
  }

  private String state(int depth, String next, String catchTo) {
    String end = next == null ? "\"End\":true" : "\"Next\":\"" + next + "\"";
    int kind = random.nextInt(depth < 2 ? 7 : 4);
    return switch (kind) {
      case 0 -> "{\"Type\":\"Pass\",\"Parameters\":{\"n.$\":\"States.MathAdd($.n, 1)\",\"id.$\":\"States.UUID()\",\"items.$\":\"$.items\"},\"ResultPath\":\"$.p\","
          + "\"OutputPath\":\"$.p\"," + end + "}";
      case 1 -> task(end, catchTo);
      case 2 -> "{\"Type\":\"Wait\",\"Seconds\":" + (1 + random.nextInt(5)) + "," + end + "}";
      case 3 -> next == null
          ? "{\"Type\":\"Succeed\"}"
          : "{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.n\",\"NumericGreaterThan\":" + random.nextInt(4)
              + ",\"Next\":\"" + next + "\"}],\"Default\":\"" + catchTo + "\"}";
      case 4 -> "{\"Type\":\"Parallel\",\"Branches\":[" + graph(depth + 1) + "," + graph(depth + 1) + "],"
          + "\"ResultSelector\":{\"n.$\":\"$[0].n\"}," + catcher(catchTo) + end + "}";
      case 5 -> "{\"Type\":\"Map\",\"ItemsPath\":\"$.items\",\"MaxConcurrency\":" + random.nextInt(3) + ","
          + "\"ItemSelector\":{\"n.$\":\"$$.Map.Item.Value\",\"items\":[]},\"ItemProcessor\":" + graph(depth + 1) + ","
          + "\"ResultSelector\":{\"n.$\":\"States.ArrayLength($)\",\"items\":[1,2,3]}," + catcher(catchTo) + end + "}";
      default -> task(end, catchTo);
    };
  }

  private String task(String end, String catchTo) {
    String retry = random.nextBoolean()
        ? "\"Retry\":[{\"ErrorEquals\":[\"Gen.Flaky\"],\"IntervalSeconds\":1,\"MaxAttempts\":" + random.nextInt(4)
            + ",\"BackoffRate\":2,\"JitterStrategy\":\"" + (random.nextBoolean() ? "FULL" : "NONE") + "\"}],"
        : "";
    String timeout = random.nextInt(4) == 0 ? "\"TimeoutSeconds\":" + (1 + random.nextInt(3)) + "," : "";
    return "{\"Type\":\"Task\",\"Resource\":\"" + RESOURCE + "\",\"Parameters\":{\"n.$\":\"$.n\",\"items.$\":\"$.items\"},"
        + timeout + retry + catcher(catchTo) + end + "}";
  }

  private String catcher(String catchTo) {
    return catchTo != null && random.nextBoolean()
        ? "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.error\",\"Next\":\"" + catchTo + "\"}],"
        : "";
  }

  /**
   * What the generated task does for a state at an attempt: fail with Gen.Flaky, time out (a task
   * with TimeoutSeconds that answers too late), or add one to n. A function of what the history
   * holds, so a resumed run decides the same.
   */
  static String outcome(String stateName, int attempt, boolean timed) {
    int h = Math.floorMod((stateName.hashCode() * 31 + attempt) * 17, 7);
    return h < 2 ? "fail" : h == 2 && timed ? "late" : "ok";
  }
}
