package io.stepwise.asl.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.QueryLanguage;
import io.stepwise.asl.model.StateGraph;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.validate.Problem;
import io.stepwise.asl.validate.Validator;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a definition: validates it, then binds it to the model and compiles every expression,
 * so that nothing is parsed again while executions run.
 */
public final class StateMachineParser {
  private StateMachineParser() {}

  public static StateMachine parse(String definitionText) throws DefinitionException {
    List<Problem> problems = new ArrayList<>();
    try {
      problems.addAll(Validator.validate(definitionText));
    } catch (UnsupportedOperationException notYet) {
      // TEMPORARY while the validator is written: bind-time checks still apply.
    }
    if (!problems.isEmpty()) {
      throw new DefinitionException(problems);
    }
    JsonNode root;
    try {
      root = Json.parse(definitionText);
    } catch (JsonProcessingException e) {
      throw new DefinitionException(List.of(new Problem("", e.getOriginalMessage())));
    }
    return bind(root, definitionText, problems);
  }

  /** Binds an already validated tree; problems found while compiling are still reported. */
  public static StateMachine parseValidated(JsonNode root, String definitionText) {
    return bind(root, definitionText, new ArrayList<>());
  }

  private static StateMachine bind(JsonNode root, String text, List<Problem> problems) {
    if (!root.isObject()) {
      throw new DefinitionException(List.of(new Problem("", "a state machine definition must be a JSON object")));
    }
    Fields top = new Fields(root, "", problems);
    QueryLanguage ql = QueryLanguage.of(top.text("QueryLanguage"));
    StateGraph graph = new StateBinder(problems).graph(top, ql);
    Integer timeout = top.integer("TimeoutSeconds");
    if (!problems.isEmpty()) {
      throw new DefinitionException(problems);
    }
    return new StateMachine(graph, top.text("Comment"), timeout, ql, text);
  }
}
