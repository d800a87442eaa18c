package io.stepwise.server.operations.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What an Express state machine may not do, as AWS refuses it: wait for a task token, run a job
 * to completion (.sync), or call an activity; each an ERROR at the Task's Resource.
 */
final class ExpressRules {
  private ExpressRules() {}

  static List<Diagnostic> check(String definition) {
    List<Diagnostic> out = new ArrayList<>();
    States.forEach(definition, (pointer, state, jsonata) -> {
      JsonNode resource = state.get("Resource");
      if (!"Task".equals(state.path("Type").asText()) || resource == null || !resource.isTextual()) {
        return;
      }
      String r = resource.textValue();
      String what = null;
      if (r.endsWith(".waitForTaskToken")) {
        what = "'.waitForTaskToken' service integration ";
      } else if (r.endsWith(".sync") || r.contains(".sync:")) {
        what = "'.sync' service integration ";
      } else if (r.startsWith("arn:") && r.contains(":states:") && r.contains(":activity:")) {
        what = "activities ";
      }
      if (what != null) {
        out.add(new Diagnostic(Diagnostic.Severity.ERROR, "SCHEMA_VALIDATION_FAILED",
            "Express state machine does not support " + what, pointer + "/Resource"));
      }
    });
    return out;
  }
}
