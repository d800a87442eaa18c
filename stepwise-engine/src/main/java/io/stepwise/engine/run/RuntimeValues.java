package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.choice.Timestamps;
import io.stepwise.asl.error.RuntimeCauses;
import io.stepwise.asl.error.RuntimeCauses.Source;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.Expression;
import io.stepwise.asl.model.NumberField;
import io.stepwise.asl.model.TimeLimit;
import io.stepwise.asl.model.WaitState;
import java.time.Instant;

/**
 * The values states read at run time from a path or a JSONata expression, each checked as AWS
 * checks it, a wrong one failing with {@link RuntimeCauses}' error and cause: a Wait's due time, a
 * Task's TimeoutSeconds and HeartbeatSeconds, a Map's integer fields and its
 * ToleratedFailurePercentage.
 */
public final class RuntimeValues {
  /** The longest Wait AWS accepts: 99999999 seconds. */
  public static final long MAX_WAIT_SECONDS = 99_999_999L;

  private RuntimeValues() {}

  /** When a Wait entered at {@code now} (epoch millis) is due. */
  public static long waitDue(WaitState w, Scope scope, long now) {
    Source source;
    long due;
    if (w.seconds() != null) {
      source = Source.path("Seconds", String.valueOf(w.seconds()));
      due = now + w.seconds() * 1000;
    } else if (w.timestamp() != null) {
      source = Source.path("Timestamp", w.timestamp());
      due = timestamp(source, Json.NODES.textNode(w.timestamp()));
    } else if (w.secondsPath() != null) {
      source = Source.path("SecondsPath", w.secondsPath().text());
      due = now + seconds(source, numeric(w.secondsPath().read(scope))) * 1000;
    } else if (w.timestampPath() != null) {
      source = Source.path("TimestampPath", w.timestampPath().text());
      due = timestamp(source, w.timestampPath().read(scope));
    } else if (w.secondsExpression() != null) {
      source = expression("Seconds", w.secondsExpression());
      due = now + seconds(source, w.secondsExpression().evaluate(scope)) * 1000;
    } else {
      source = expression("Timestamp", w.timestampExpression());
      due = timestamp(source, w.timestampExpression().evaluate(scope));
    }
    if ((due - now) / 1000 > Integer.MAX_VALUE) {
      // AWS keeps the delay in a 32-bit count of seconds
      throw RuntimeCauses.waitTooLong(source);
    }
    return Math.max(due, now);
  }

  private static long seconds(Source s, JsonNode v) {
    if (v == null) {
      throw RuntimeCauses.missing(s, null);
    }
    if (!v.isNumber() || !v.canConvertToExactIntegral()) {
      throw RuntimeCauses.notInteger(s, v);
    }
    if (v.asLong() < 0) {
      throw RuntimeCauses.negativeSeconds(s, v);
    }
    if (v.asLong() > MAX_WAIT_SECONDS) {
      throw RuntimeCauses.waitTooLong(s);
    }
    return v.asLong();
  }

  private static long timestamp(Source s, JsonNode v) {
    if (v == null) {
      throw RuntimeCauses.missing(s, null);
    }
    Instant t = v.isTextual() ? Timestamps.parse(v.textValue()) : null;
    if (t == null) {
      throw RuntimeCauses.notTimestamp(s, v);
    }
    return t.toEpochMilli();
  }

  /** TimeoutSeconds or HeartbeatSeconds, a whole number of seconds from 1; null when not given. */
  public static Long timeLimit(TimeLimit limit, Scope scope) {
    if (limit == null) {
      return null;
    }
    return switch (limit) {
      case TimeLimit.Fixed fx -> fx.seconds();
      case TimeLimit.FromPath p -> atLeast(Source.path(p.field(), p.path().text()), numeric(p.path().read(scope)), scope, 1);
      case TimeLimit.FromExpression e -> atLeast(expression(e.field(), e.expression()), e.expression().evaluate(scope), scope, 1);
    };
  }

  /** A Map's integer field (MaxConcurrency, ToleratedFailureCount, a batch limit), unchecked for range; null when not given. */
  public static Integer integer(NumberField field, Scope scope) {
    return integer(field, scope, Long.MIN_VALUE);
  }

  /** A Map's integer field, at least {@code min}; null when not given. */
  public static Integer integer(NumberField field, Scope scope, long min) {
    if (field == null) {
      return null;
    }
    return switch (field) {
      case NumberField.Fixed fx -> (int) fx.value();
      case NumberField.FromPath p -> (int) atLeast(Source.path(p.field(), p.path().text()), numeric(p.path().read(scope)), scope, min);
      case NumberField.FromExpression e -> (int) atLeast(expression(e.field(), e.expression()), e.expression().evaluate(scope), scope, min);
    };
  }

  /** ToleratedFailurePercentage: any number from 0 to 100; null when not given. */
  public static Double percentage(NumberField field, Scope scope) {
    if (field == null) {
      return null;
    }
    Source s;
    JsonNode v;
    switch (field) {
      case NumberField.Fixed fx -> {
        return fx.value();
      }
      case NumberField.FromPath p -> {
        s = Source.path(p.field(), p.path().text());
        v = numeric(p.path().read(scope));
      }
      case NumberField.FromExpression e -> {
        s = expression(e.field(), e.expression());
        v = e.expression().evaluate(scope);
      }
    }
    if (v == null) {
      throw RuntimeCauses.missing(s, scope.input());
    }
    if (!v.isNumber()) {
      throw RuntimeCauses.notNumber(s, v);
    }
    double d = v.doubleValue();
    if (d < 0 || d > 100) {
      throw RuntimeCauses.percentageOutOfRange(s);
    }
    return d;
  }

  private static long atLeast(Source s, JsonNode v, Scope scope, long min) {
    if (v == null) {
      throw RuntimeCauses.missing(s, scope.input());
    }
    if (!v.isNumber() || !v.canConvertToExactIntegral()) {
      throw RuntimeCauses.notInteger(s, v);
    }
    if (v.asLong() < min) {
      throw RuntimeCauses.belowMinimum(s, min);
    }
    return v.asLong();
  }

  private static Source expression(String field, Expression e) {
    return Source.expression(field, e.text() == null ? field : e.text());
  }

  /**
   * AWS reads a number given as text ("1") in a ...Path field as that number: its causes quote the
   * value it failed to parse ("cannot be parsed as a long value", "not a valid integer").
   */
  private static JsonNode numeric(JsonNode v) {
    if (v != null && v.isTextual()) {
      try {
        return Json.NODES.numberNode(new java.math.BigDecimal(v.textValue().trim()));
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }
}
