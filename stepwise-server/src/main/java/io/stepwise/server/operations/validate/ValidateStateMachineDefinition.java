package io.stepwise.server.operations.validate;

import io.stepwise.server.model.StateMachineType;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * ValidateStateMachineDefinition: the definition's errors (and, with severity WARNING, its
 * warnings too), at most maxResults of them (0 or absent: 100), with {@code truncated} when more
 * were found. The result is FAIL when any error was found, whether or not it was returned.
 */
public final class ValidateStateMachineDefinition
    implements Operation<ValidateStateMachineDefinition.Request, ValidateStateMachineDefinition.Result> {
  private static final int DEFAULT_MAX_RESULTS = 100;

  public record Request(String definition, StateMachineType type, Diagnostic.Severity severity, Integer maxResults) {}

  public record Result(boolean ok, List<Diagnostic> diagnostics, boolean truncated) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("result", ok ? "OK" : "FAIL");
      out.list("diagnostics", diagnostics, (d, o) -> o
          .string("severity", d.severity().name())
          .string("code", d.code())
          .string("message", d.message())
          .string("location", d.location()));
      out.bool("truncated", truncated);
    }
  }

  @Override
  public String name() {
    return "ValidateStateMachineDefinition";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(
        in.string("definition", Shapes.DEFINITION, true),
        in.enumValue("type", StateMachineType.class, false),
        in.enumValue("severity", Diagnostic.Severity.class, false),
        in.integer("maxResults", Shapes.VALIDATE_MAX_RESULTS, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    StateMachineType type = r.type() == null ? StateMachineType.STANDARD : r.type();
    List<Diagnostic> errors = Definitions.errors(r.definition(), type);
    List<Diagnostic> all = new ArrayList<>(errors);
    if (r.severity() == Diagnostic.Severity.WARNING && errors.isEmpty()) {
      all.addAll(Definitions.warnings(r.definition()));
    }
    int max = r.maxResults() == null || r.maxResults() == 0 ? DEFAULT_MAX_RESULTS : r.maxResults();
    boolean truncated = all.size() > max;
    return new Result(errors.isEmpty(), truncated ? List.copyOf(all.subList(0, max)) : all, truncated);
  }
}
