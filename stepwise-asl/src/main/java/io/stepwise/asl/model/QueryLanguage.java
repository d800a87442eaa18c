package io.stepwise.asl.model;

/** The two query languages of ASL; JSONPath is the default. */
public enum QueryLanguage {
  JSONPATH,
  JSONATA;

  public static QueryLanguage of(String name) {
    return "JSONata".equals(name) ? JSONATA : JSONPATH;
  }
}
