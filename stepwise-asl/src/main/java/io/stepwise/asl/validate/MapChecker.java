package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.QueryLanguage;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Map: the item processor (ItemProcessor, or the legacy Iterator) and its ProcessorConfig, where
 * the items come from and how each is shaped, concurrency, failure tolerance and Label. ItemReader,
 * ItemBatcher and ResultWriter are checked by {@link MapDataChecker}.
 */
final class MapChecker {
  static final int MAX_LABEL_LENGTH = 40;
  // Whitespace, brackets, wildcards, quotes, other reserved punctuation and control characters.
  private static final String LABEL_FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

  private MapChecker() {}

  static void check(Site s, QueryLanguage ql, QueryLanguage machineQl, boolean jsonataMachine) {
    boolean distributed = processor(s, machineQl, jsonataMachine);
    if (ql == QueryLanguage.JSONPATH) {
      PathChecks.singleValuePath(s, "ItemsPath");
      PayloadTemplates.check(s, "ItemSelector", false);
      PathChecks.singleValuePath(s, "MaxConcurrencyPath");
      PathChecks.singleValuePath(s, "ToleratedFailureCountPath");
      PathChecks.singleValuePath(s, "ToleratedFailurePercentagePath");
    } else {
      items(s);
      JsonataChecks.field(s, "ItemSelector");
    }
    s.atMostOne("ItemSelector", "Parameters");
    s.atMostOne("MaxConcurrency", "MaxConcurrencyPath");
    s.atMostOne("ToleratedFailureCount", "ToleratedFailureCountPath");
    s.atMostOne("ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    FixedOrExpression.integer(s, "MaxConcurrency", 0, Long.MAX_VALUE, ql);
    FixedOrExpression.integer(s, "ToleratedFailureCount", 0, Long.MAX_VALUE, ql);
    FixedOrExpression.number(s, "ToleratedFailurePercentage", BigDecimal.ZERO, BigDecimal.valueOf(100), ql);
    label(s);
    MapDataChecker.check(s, ql, distributed);
  }

  /** Checks ItemProcessor or Iterator; returns whether the Map runs in DISTRIBUTED mode. */
  private static boolean processor(Site s, QueryLanguage machineQl, boolean jsonataMachine) {
    s.atMostOne("ItemProcessor", "Iterator");
    String field = s.has("ItemProcessor") ? "ItemProcessor" : s.has("Iterator") ? "Iterator" : null;
    if (field == null) {
      s.problem("\"ItemProcessor\" is required");
      return false;
    }
    if (!s.object(field)) {
      return false;
    }
    Site p = s.field(field);
    boolean distributed = processorConfig(p);
    // A distributed Map's iterations are child executions, each of its own state machine: there a
    // state may declare JSONPath even under a JSONata machine (the validation corpus has one).
    ScopeChecker.check(p, ScopeChecker.Kind.PROCESSOR, machineQl, jsonataMachine && !distributed);
    return distributed;
  }

  private static boolean processorConfig(Site p) {
    if (!p.object("ProcessorConfig")) {
      return false;
    }
    Site c = p.field("ProcessorConfig");
    c.allowOnly(Set.of("Mode", "ExecutionType"));
    String mode = c.oneOf("Mode", "INLINE", "DISTRIBUTED");
    c.oneOf("ExecutionType", "STANDARD", "EXPRESS");
    boolean distributed = "DISTRIBUTED".equals(mode);
    if (distributed && !c.has("ExecutionType")) {
      c.problem("\"ExecutionType\" is required with Mode DISTRIBUTED");
    }
    return distributed;
  }

  private static void items(Site s) {
    JsonNode v = s.get("Items");
    if (v == null) {
      return;
    }
    if (!v.isArray() && !JsonataChecks.isExpression(v)) {
      s.problem("Items", "must be an array or a JSONata expression");
    } else {
      JsonataChecks.field(s, "Items");
    }
  }

  private static void label(Site s) {
    String label = s.text("Label");
    if (label == null) {
      return;
    }
    if (label.isEmpty() || label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
      s.problem("Label", "must be 1 to " + MAX_LABEL_LENGTH + " characters long");
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || LABEL_FORBIDDEN.indexOf(c) >= 0) {
        s.problem("Label", "must not contain whitespace, control characters or any of " + LABEL_FORBIDDEN);
        break;
      }
    }
    String earlier = s.report.claimLabel(label, s.at("Label"));
    if (earlier != null) {
      s.problem("Label", "is already used at " + earlier + "; labels must be unique in the state machine");
    }
  }
}
