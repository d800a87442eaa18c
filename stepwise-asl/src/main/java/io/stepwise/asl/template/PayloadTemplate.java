package io.stepwise.asl.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;

/**
 * A compiled JSONPath-mode payload template: Parameters, ResultSelector, ItemSelector or Assign.
 * A field whose name ends in {@code .$} takes the value of its path or intrinsic call and loses the
 * suffix; every other value is literal. Objects inside arrays are templates too (AWS's ECS
 * examples put {@code "Value.$"} in array items). Literal subtrees are shared with the definition.
 */
public final class PayloadTemplate {
  private final TemplateNode root;

  private PayloadTemplate(TemplateNode root) {
    this.root = root;
  }

  /**
   * @throws ExpressionSyntaxException naming the field, when a {@code .$} field's value is not a
   *     string holding a valid path or call, or two fields give the same name
   */
  public static PayloadTemplate compile(JsonNode template) throws ExpressionSyntaxException {
    return new PayloadTemplate(TemplateCompiler.compile(template));
  }

  /**
   * Builds the payload.
   *
   * @throws io.stepwise.asl.error.StatesException States.Runtime when a definite path selects
   *     nothing; States.IntrinsicFailure when an intrinsic call fails
   */
  public JsonNode evaluate(Scope scope) {
    return root.evaluate(scope);
  }
}
