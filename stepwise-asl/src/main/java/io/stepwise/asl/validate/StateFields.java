package io.stepwise.asl.validate;

import io.stepwise.asl.model.QueryLanguage;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which fields each state type takes, and in which query language (the AWS field availability
 * matrix). A field of the wrong language, of another state type, or of no state is reported.
 */
final class StateFields {
  /** In which query language a field is allowed. */
  enum Language {
    BOTH,
    JSONPATH,
    JSONATA
  }

  static final Set<String> TYPES = Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  private static final Set<String> JSONPATH_ONLY = Set.of(
      "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Result", "ItemsPath",
      "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath",
      "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "MaxItemsPath",
      "MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath");
  private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

  private static final Map<String, Map<String, Language>> BY_TYPE = new LinkedHashMap<>();
  private static final Set<String> ANY_STATE_FIELD = new HashSet<>();

  static {
    type("Task", "Next End InputPath OutputPath Parameters ResultSelector ResultPath Arguments Output Assign"
        + " Resource TimeoutSeconds TimeoutSecondsPath HeartbeatSeconds HeartbeatSecondsPath Retry Catch Credentials");
    type("Pass", "Next End InputPath OutputPath Parameters ResultPath Result Output Assign");
    type("Choice", "Choices Default InputPath OutputPath Output Assign");
    type("Wait", "Next End InputPath OutputPath Seconds Timestamp SecondsPath TimestampPath Output Assign");
    type("Succeed", "InputPath OutputPath Output");
    type("Fail", "Error Cause ErrorPath CausePath");
    type("Parallel", "Next End InputPath OutputPath Parameters ResultSelector ResultPath Arguments Output Assign"
        + " Branches Retry Catch");
    type("Map", "Next End InputPath OutputPath ItemsPath Items ItemProcessor Iterator ItemSelector Parameters"
        + " ResultSelector ResultPath Output Assign Retry Catch MaxConcurrency MaxConcurrencyPath ItemReader"
        + " ItemBatcher ResultWriter ToleratedFailureCount ToleratedFailureCountPath ToleratedFailurePercentage"
        + " ToleratedFailurePercentagePath Label");
  }

  private StateFields() {}

  private static void type(String type, String fields) {
    Map<String, Language> m = new LinkedHashMap<>();
    for (String f : ("Type Comment QueryLanguage " + fields).split(" ")) {
      m.put(f, language(f));
      ANY_STATE_FIELD.add(f);
    }
    BY_TYPE.put(type, m);
  }

  static Language language(String field) {
    return JSONPATH_ONLY.contains(field) ? Language.JSONPATH : JSONATA_ONLY.contains(field) ? Language.JSONATA : Language.BOTH;
  }

  /** Whether a state of {@code type} in {@code ql} takes {@code field}. */
  static boolean allows(String type, String field, QueryLanguage ql) {
    Language l = BY_TYPE.get(type).get(field);
    return l != null && fits(l, ql);
  }

  static boolean fits(Language l, QueryLanguage ql) {
    return l == Language.BOTH || (l == Language.JSONPATH) == (ql == QueryLanguage.JSONPATH);
  }

  /** Reports every field a state of {@code type} in {@code ql} does not take. */
  static void screen(Site state, String type, QueryLanguage ql) {
    Map<String, Language> allowed = BY_TYPE.get(type);
    state.node.fieldNames().forEachRemaining(f -> {
      Language l = allowed.get(f);
      if (l != null) {
        if (!fits(l, ql)) {
          state.problem(languageMismatch(f, l));
        }
      } else if (ANY_STATE_FIELD.contains(f)) {
        state.problem(Site.quote(f) + " is not allowed in a " + type + " state");
      } else {
        state.problem("unknown field " + Site.quote(f));
      }
    });
  }

  /** Reports fields of a nested object (ItemReader, Catch, ...) that are unknown or of the other language. */
  static void screen(Site obj, Set<String> fields, QueryLanguage ql) {
    obj.node.fieldNames().forEachRemaining(f -> {
      if (!fields.contains(f)) {
        obj.problem("unknown field " + Site.quote(f));
      } else if (!fits(language(f), ql)) {
        obj.problem(languageMismatch(f, language(f)));
      }
    });
  }

  static String languageMismatch(String field, Language l) {
    return l == Language.JSONPATH
        ? Site.quote(field) + " is not allowed with QueryLanguage JSONata"
        : Site.quote(field) + " requires QueryLanguage JSONata";
  }
}
