package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.choice.Timestamps;
import io.stepwise.asl.model.QueryLanguage;
import java.util.ArrayList;
import java.util.List;

/** Wait (exactly one way to say how long) and Fail (Error xor ErrorPath, Cause xor CausePath). */
final class WaitAndFailChecker {
  private static final List<String> WAIT_FIELDS = List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath");

  private WaitAndFailChecker() {}

  static void checkWait(Site s, QueryLanguage ql) {
    List<String> present = new ArrayList<>();
    for (String f : WAIT_FIELDS) {
      if (s.has(f) && StateFields.fits(StateFields.language(f), ql)) {
        present.add(f);
      }
    }
    if (present.isEmpty()) {
      s.problem(ql == QueryLanguage.JSONATA
          ? "one of \"Seconds\" or \"Timestamp\" is required"
          : "one of \"Seconds\", \"Timestamp\", \"SecondsPath\" or \"TimestampPath\" is required");
    } else if (present.size() > 1) {
      s.atMostOne(present.toArray(String[]::new));
    }
    FixedOrExpression.integer(s, "Seconds", 0, TaskChecker.MAX_SECONDS, ql);
    if (s.has("Timestamp") && !FixedOrExpression.isExpression(s, "Timestamp", ql, "a timestamp")) {
      timestamp(s, "Timestamp");
    }
    if (ql == QueryLanguage.JSONPATH) {
      PathChecks.singleValuePath(s, "SecondsPath");
      PathChecks.singleValuePath(s, "TimestampPath");
    }
  }

  /** An RFC 3339 timestamp with an uppercase T, and Z or a numeric offset. */
  static void timestamp(Site s, String field) {
    String t = s.text(field);
    if (t != null && Timestamps.parse(t) == null) {
      s.problem(field, "must be an RFC 3339 timestamp such as \"2016-08-18T17:33:00Z\"");
    }
  }

  static void checkFail(Site s, QueryLanguage ql) {
    s.atMostOne("Error", "ErrorPath");
    s.atMostOne("Cause", "CausePath");
    for (String f : List.of("Error", "Cause")) {
      JsonNode v = s.get(f);
      if (ql == QueryLanguage.JSONATA && JsonataChecks.isExpression(v)) {
        JsonataChecks.expression(s.report, v.textValue(), s.at(f));
      } else {
        s.text(f);
      }
    }
    if (ql == QueryLanguage.JSONPATH) {
      PathChecks.valueExpression(s, "ErrorPath");
      PathChecks.valueExpression(s, "CausePath");
    }
  }
}
