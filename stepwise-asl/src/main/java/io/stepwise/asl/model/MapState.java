package io.stepwise.asl.model;

import io.stepwise.asl.path.JsonPath;

/**
 * A Map state, inline or distributed. Null fields are absent.
 *
 * @param itemsPath ItemsPath (JSONPath mode)
 * @param items Items (JSONata mode)
 * @param itemSelector ItemSelector, or the legacy Parameters
 * @param itemReader the ItemReader (distributed mode)
 * @param resultWriter the ResultWriter (distributed mode)
 */
public record MapState(
    StateCommon common,
    String next,
    StateGraph processor,
    MapMode mode,
    String executionType,
    JsonPath itemsPath,
    Expression items,
    Expression itemSelector,
    NumberField maxConcurrency,
    NumberField toleratedFailureCount,
    NumberField toleratedFailurePercentage,
    ItemBatcher itemBatcher,
    ItemReader itemReader,
    ResultWriter resultWriter,
    String label,
    ResultHandling result,
    ErrorHandling errors)
    implements State {
  @Override
  public String typeName() {
    return "Map";
  }
}
