package io.stepwise.server.logs;

import io.stepwise.engine.history.EventType;
import io.stepwise.server.model.LogLevel;
import java.util.EnumSet;
import java.util.Set;

/** Which history events each logging level writes: AWS's table ("Log levels" in its developer guide). */
final class LogLevels {
  private LogLevels() {}

  /** FATAL: the execution ended badly. */
  private static final Set<EventType> FATAL = EnumSet.of(EventType.ExecutionFailed, EventType.ExecutionAborted,
      EventType.ExecutionTimedOut);

  /** ERROR: FATAL's and every event of something failing, aborted or timing out. */
  private static final Set<EventType> ERROR = errors();

  private static Set<EventType> errors() {
    Set<EventType> s = EnumSet.copyOf(FATAL);
    for (EventType t : EventType.values()) {
      String n = t.name();
      // AWS's table lists the Lambda, Task, Map, Parallel and Wait failures; activities' and the
      // other services' failures follow the same pattern (inferred: AWS's table does not list them)
      if (n.endsWith("Failed") || n.endsWith("TimedOut") || n.endsWith("Aborted") || n.equals("FailStateEntered")) {
        s.add(t);
      }
    }
    return s;
  }

  static boolean writes(LogLevel level, EventType type) {
    return switch (level) {
      case ALL -> true;
      case ERROR -> ERROR.contains(type);
      case FATAL -> FATAL.contains(type);
      case OFF -> false;
    };
  }
}
