package io.stepwise.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.Catcher;
import io.stepwise.asl.model.ErrorHandling;
import io.stepwise.asl.model.Expression;
import io.stepwise.asl.model.JitterStrategy;
import io.stepwise.asl.model.QueryLanguage;
import io.stepwise.asl.model.Retrier;
import io.stepwise.asl.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/** Binds Retry and Catch, filling in AWS's defaults. */
final class ErrorBinder {
  private final StateBinder states;
  private final List<Problem> problems;

  ErrorBinder(StateBinder states, List<Problem> problems) {
    this.states = states;
    this.problems = problems;
  }

  ErrorHandling errors(Fields f, QueryLanguage ql) {
    List<Retrier> retry = new ArrayList<>();
    List<Catcher> catchers = new ArrayList<>();
    JsonNode r = f.get("Retry");
    if (r != null && r.isArray()) {
      for (int i = 0; i < r.size(); i++) {
        retry.add(retrier(new Fields(r.get(i), f.at("Retry") + "/" + i, problems)));
      }
    }
    JsonNode c = f.get("Catch");
    if (c != null && c.isArray()) {
      for (int i = 0; i < c.size(); i++) {
        catchers.add(catcher(new Fields(c.get(i), f.at("Catch") + "/" + i, problems), ql));
      }
    }
    if (retry.isEmpty() && catchers.isEmpty()) {
      return ErrorHandling.NONE;
    }
    return new ErrorHandling(List.copyOf(retry), List.copyOf(catchers));
  }

  private Retrier retrier(Fields f) {
    Integer interval = f.integer("IntervalSeconds");
    Integer max = f.integer("MaxAttempts");
    JsonNode backoff = f.get("BackoffRate");
    String jitter = f.text("JitterStrategy");
    return new Retrier(
        errorEquals(f),
        interval == null ? 1 : interval,
        max == null ? 3 : max,
        backoff == null ? 2.0 : backoff.asDouble(),
        f.integer("MaxDelaySeconds"),
        "FULL".equals(jitter) ? JitterStrategy.FULL : JitterStrategy.NONE);
  }

  private Catcher catcher(Fields f, QueryLanguage ql) {
    Expression output = ql == QueryLanguage.JSONATA ? states.payload(f, ql, "Output") : null;
    return new Catcher(errorEquals(f), f.stateName("Next"), states.resultTarget(f), states.assignment(f, ql), output);
  }

  private List<String> errorEquals(Fields f) {
    List<String> names = new ArrayList<>();
    JsonNode e = f.get("ErrorEquals");
    if (e == null || !e.isArray() || e.isEmpty()) {
      f.problem("ErrorEquals", "must be a non-empty array of error names");
      return names;
    }
    for (JsonNode n : e) {
      names.add(n.asText());
    }
    return List.copyOf(names);
  }
}
