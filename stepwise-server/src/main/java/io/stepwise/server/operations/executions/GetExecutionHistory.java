package io.stepwise.server.operations.executions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.operations.Paging;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** GetExecutionHistory: the stored events as AWS shapes them, paged, in either order, with or without the data. */
public final class GetExecutionHistory implements Operation<GetExecutionHistory.Request, GetExecutionHistory.Result> {
  private final Executions executions;

  public GetExecutionHistory(Executions executions) {
    this.executions = executions;
  }

  public record Request(String executionArn, Integer maxResults, boolean reverseOrder, String nextToken, boolean includeExecutionData) {}

  public record Result(ArrayNode events, String nextToken) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.node().set("events", events);
      out.string("nextToken", nextToken);
    }
  }

  @Override
  public String name() {
    return "GetExecutionHistory";
  }

  @Override
  public Request read(JsonInput in) {
    Boolean reverse = in.bool("reverseOrder");
    Boolean data = in.bool("includeExecutionData");
    return new Request(in.string("executionArn", Shapes.LONG_ARN, true), in.integer("maxResults", Shapes.PAGE_SIZE, false),
        reverse != null && reverse, in.string("nextToken", Shapes.PAGE_TOKEN, false), data == null || data);
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    Arns.parseStates(r.executionArn(), "execution", "express");
    if (executions.store.execution(r.executionArn()).isEmpty()) {
      throw Executions.executionDoesNotExist(r.executionArn());
    }
    int size = r.maxResults() == null || r.maxResults() == 0 ? Paging.DEFAULT_PAGE_SIZE : r.maxResults();
    long after = 0;
    if (r.nextToken() != null) {
      after = Long.parseLong(executions.services.pageTokens().resume(r.nextToken(), "history:" + r.executionArn(), context.now()));
    }
    List<HistoryEvent> page = executions.store.history(r.executionArn(), after, size + 1, r.reverseOrder());
    boolean more = page.size() > size;
    List<HistoryEvent> shown = more ? page.subList(0, size) : page;
    ArrayNode events = Json.NODES.arrayNode();
    for (HistoryEvent e : shown) {
      ObjectNode o = HistoryJson.toJson(e);
      if (!r.includeExecutionData()) {
        withoutData(o);
      }
      events.add(o);
    }
    String next = more ? executions.services.pageTokens().issue("history:" + r.executionArn(),
        Long.toString(shown.get(shown.size() - 1).id()), context.now()) : null;
    return new Result(events, next);
  }

  /** includeExecutionData false: the inputs and outputs are left out of every event's details. */
  private static void withoutData(ObjectNode event) {
    Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = event.fields();
    while (it.hasNext()) {
      var f = it.next();
      if (f.getKey().endsWith("EventDetails") && f.getValue() instanceof ObjectNode d) {
        d.remove(List.of("input", "output", "parameters"));
      }
    }
  }
}
