package io.stepwise.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.Assignment;
import io.stepwise.asl.model.ChoiceRule;
import io.stepwise.asl.model.ChoiceState;
import io.stepwise.asl.model.ErrorHandling;
import io.stepwise.asl.model.Expression;
import io.stepwise.asl.model.FailState;
import io.stepwise.asl.model.ItemBatcher;
import io.stepwise.asl.model.MapMode;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.NumberField;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.PassState;
import io.stepwise.asl.model.PathSelector;
import io.stepwise.asl.model.QueryLanguage;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.model.ResultHandling;
import io.stepwise.asl.model.ResultTarget;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateCommon;
import io.stepwise.asl.model.StateGraph;
import io.stepwise.asl.model.SucceedState;
import io.stepwise.asl.model.TaskState;
import io.stepwise.asl.model.TimeLimit;
import io.stepwise.asl.model.WaitState;
import io.stepwise.asl.path.JsonPath;
import io.stepwise.asl.path.ReferencePath;
import io.stepwise.asl.query.JsonataTemplate;
import io.stepwise.asl.validate.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds states (and nested graphs) to model records, compiling their expressions. */
final class StateBinder {
  private final List<Problem> problems;
  private final ExpressionBinder expressions;
  private final ChoiceBinder choices;
  private final MapDataBinder mapData;

  StateBinder(List<Problem> problems) {
    this.problems = problems;
    this.expressions = new ExpressionBinder();
    this.choices = new ChoiceBinder(expressions);
    this.mapData = new MapDataBinder(this, problems);
  }

  /** Nested states take the machine's language, not their Parallel's or Map's (as AWS does). */
  private QueryLanguage machineLanguage;

  StateGraph graph(Fields f, QueryLanguage inherited) {
    if (machineLanguage == null) {
      machineLanguage = inherited;
    }
    QueryLanguage ql = f.has("QueryLanguage") ? QueryLanguage.of(f.text("QueryLanguage")) : inherited;
    Map<String, State> states = new LinkedHashMap<>();
    JsonNode statesNode = f.get("States");
    if (statesNode == null || !statesNode.isObject()) {
      f.problem("States", "must be an object of states");
      return new StateGraph(f.stateName("StartAt"), states, ql);
    }
    Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Fields sf = new Fields(e.getValue(), io.stepwise.asl.json.JsonPointers.child(f.at("States"), e.getKey()), problems);
      State s = state(e.getKey(), sf, ql);
      if (s != null) {
        states.put(e.getKey(), s);
      }
    }
    return new StateGraph(f.stateName("StartAt"), states, ql);
  }

  private State state(String name, Fields f, QueryLanguage inherited) {
    if (!f.node.isObject()) {
      f.problem(null, "a state must be an object");
      return null;
    }
    QueryLanguage ql = f.has("QueryLanguage") ? QueryLanguage.of(f.text("QueryLanguage")) : inherited;
    StateCommon common =
        new StateCommon(
            name,
            ql,
            selector(f, "InputPath"),
            selector(f, "OutputPath"),
            assignment(f, ql),
            ql == QueryLanguage.JSONATA ? expressions.jsonata(f, "Output") : null);
    String next = f.stateName("Next");
    String type = f.text("Type");
    if (type == null) {
      f.problem("Type", "is required");
      return null;
    }
    return switch (type) {
      case "Pass" -> new PassState(common, next, f.get("Result"), payload(f, ql, "Parameters"), resultTarget(f));
      case "Task" -> task(common, next, f, ql);
      case "Choice" -> new ChoiceState(common, choices.rules(f, ql), f.stateName("Default"));
      case "Wait" -> wait(common, next, f, ql);
      case "Succeed" -> new SucceedState(common);
      case "Fail" -> fail(common, f, ql);
      case "Parallel" -> parallel(common, next, f, ql);
      case "Map" -> map(common, next, f, ql);
      default -> {
        f.problem("Type", "unknown state type \"" + type + "\"");
        yield null;
      }
    };
  }

  private TaskState task(StateCommon common, String next, Fields f, QueryLanguage ql) {
    return new TaskState(
        common,
        next,
        f.text("Resource"),
        ResourceArn.of(f.text("Resource")),
        payload(f, ql, ql == QueryLanguage.JSONATA ? "Arguments" : "Parameters"),
        resultHandling(f, ql),
        timeLimit(f, ql, "TimeoutSeconds"),
        timeLimit(f, ql, "HeartbeatSeconds"),
        errors(f, ql),
        payload(f, ql, "Credentials"));
  }

  private WaitState wait(StateCommon common, String next, Fields f, QueryLanguage ql) {
    JsonNode seconds = f.get("Seconds");
    JsonNode timestamp = f.get("Timestamp");
    Expression secondsExpr = null;
    Expression timestampExpr = null;
    Long fixedSeconds = null;
    String fixedTimestamp = null;
    if (seconds != null) {
      if (seconds.isTextual()) {
        secondsExpr = expressions.jsonata(f, "Seconds");
      } else {
        fixedSeconds = seconds.asLong();
      }
    }
    if (timestamp != null) {
      if (ql == QueryLanguage.JSONATA && JsonataTemplate.isExpression(timestamp)) {
        timestampExpr = expressions.jsonata(f, "Timestamp");
      } else {
        fixedTimestamp = timestamp.asText();
      }
    }
    return new WaitState(
        common,
        next,
        fixedSeconds,
        fixedTimestamp,
        f.compile("SecondsPath", JsonPath::compile),
        f.compile("TimestampPath", JsonPath::compile),
        secondsExpr,
        timestampExpr);
  }

  private FailState fail(StateCommon common, Fields f, QueryLanguage ql) {
    if (ql == QueryLanguage.JSONATA) {
      return new FailState(
          common,
          JsonataTemplate.isExpression(f.get("Error")) ? null : f.text("Error"),
          JsonataTemplate.isExpression(f.get("Cause")) ? null : f.text("Cause"),
          JsonataTemplate.isExpression(f.get("Error")) ? expressions.jsonata(f, "Error") : null,
          JsonataTemplate.isExpression(f.get("Cause")) ? expressions.jsonata(f, "Cause") : null);
    }
    return new FailState(
        common,
        f.text("Error"),
        f.text("Cause"),
        expressions.value(f, "ErrorPath"),
        expressions.value(f, "CausePath"));
  }

  private ParallelState parallel(StateCommon common, String next, Fields f, QueryLanguage ql) {
    List<StateGraph> branches = new ArrayList<>();
    JsonNode b = f.get("Branches");
    if (b != null && b.isArray()) {
      for (int i = 0; i < b.size(); i++) {
        branches.add(graph(new Fields(b.get(i), f.at("Branches") + "/" + i, problems), machineLanguage));
      }
    }
    return new ParallelState(
        common,
        next,
        branches,
        payload(f, ql, ql == QueryLanguage.JSONATA ? "Arguments" : "Parameters"),
        resultHandling(f, ql),
        errors(f, ql));
  }

  private MapState map(StateCommon common, String next, Fields f, QueryLanguage ql) {
    String processorField = f.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    Fields pf = new Fields(f.get(processorField), f.at(processorField), problems);
    StateGraph processor = pf.node == null ? null : graph(pf, machineLanguage);
    MapMode mode = MapMode.INLINE;
    String executionType = null;
    JsonNode config = pf.node == null ? null : pf.node.get("ProcessorConfig");
    if (config != null) {
      if ("DISTRIBUTED".equals(config.path("Mode").asText())) {
        mode = MapMode.DISTRIBUTED;
      }
      executionType = config.path("ExecutionType").asText(null);
    }
    String selectorField = f.has("ItemSelector") ? "ItemSelector" : "Parameters";
    JsonNode batcherNode = f.get("ItemBatcher");
    ItemBatcher batcher = null;
    if (batcherNode != null) {
      Fields bf = new Fields(batcherNode, f.at("ItemBatcher"), problems);
      batcher =
          new ItemBatcher(
              number(bf, ql, "MaxItemsPerBatch"), number(bf, ql, "MaxInputBytesPerBatch"), payload(bf, ql, "BatchInput"));
    }
    return new MapState(
        common,
        next,
        processor,
        mode,
        executionType,
        f.compile("ItemsPath", JsonPath::compile),
        ql == QueryLanguage.JSONATA ? expressions.jsonataItems(f) : null,
        payload(f, ql, selectorField),
        number(f, ql, "MaxConcurrency"),
        number(f, ql, "ToleratedFailureCount"),
        number(f, ql, "ToleratedFailurePercentage"),
        batcher,
        mapData.reader(f, ql),
        mapData.writer(f, ql),
        f.text("Label"),
        resultHandling(f, ql),
        errors(f, ql));
  }

  NumberField number(Fields f, QueryLanguage ql, String field) {
    if (f.has(field + "Path")) {
      JsonPath p = f.compile(field + "Path", JsonPath::compile);
      return p == null ? null : new NumberField.FromPath(field + "Path", p);
    }
    JsonNode v = f.get(field);
    if (v == null) {
      return null;
    }
    if (v.isTextual()) {
      Expression e = expressions.jsonata(f, field);
      return e == null ? null : new NumberField.FromExpression(field, e);
    }
    return new NumberField.Fixed(field, v.asDouble());
  }

  private TimeLimit timeLimit(Fields f, QueryLanguage ql, String field) {
    if (f.has(field + "Path")) {
      JsonPath p = f.compile(field + "Path", JsonPath::compile);
      return p == null ? null : new TimeLimit.FromPath(p, field + "Path");
    }
    JsonNode v = f.get(field);
    if (v == null) {
      return null;
    }
    if (v.isTextual()) {
      Expression e = expressions.jsonata(f, field);
      return e == null ? null : new TimeLimit.FromExpression(e, field);
    }
    return new TimeLimit.Fixed(v.asLong());
  }

  private ResultHandling resultHandling(Fields f, QueryLanguage ql) {
    Expression selector = payload(f, ql, "ResultSelector");
    ResultTarget target = resultTarget(f);
    if (selector == null && target == null) {
      return ResultHandling.DEFAULT;
    }
    return new ResultHandling(selector, target);
  }

  ResultTarget resultTarget(Fields f) {
    if (!f.has("ResultPath")) {
      return null;
    }
    if (f.get("ResultPath").isNull()) {
      return new ResultTarget(null);
    }
    ReferencePath p = f.compile("ResultPath", ReferencePath::compile);
    return p == null ? null : new ResultTarget(p);
  }

  private PathSelector selector(Fields f, String field) {
    if (!f.has(field)) {
      return null;
    }
    if (f.get(field).isNull()) {
      return new PathSelector(null);
    }
    JsonPath p = f.compile(field, JsonPath::compile);
    return p == null ? null : new PathSelector(p);
  }

  Expression payload(Fields f, QueryLanguage ql, String field) {
    return ql == QueryLanguage.JSONATA ? expressions.jsonata(f, field) : expressions.template(f, field);
  }

  Assignment assignment(Fields f, QueryLanguage ql) {
    Expression e = payload(f, ql, "Assign");
    return e == null ? null : new Assignment(e);
  }

  private ErrorHandling errors(Fields f, QueryLanguage ql) {
    return new ErrorBinder(this, problems).errors(f, ql);
  }
}
