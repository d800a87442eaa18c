package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What each stage of a tested state produced; a field is null when the state has no such stage
 * or the test did not reach it. JSONPath states fill afterInputPath, afterParameters,
 * afterResultSelector and afterResultPath; JSONata states afterArguments.
 *
 * @param variables every variable after the state: those the test set and those it assigned;
 *     null when there are none
 * @param map what a Map state's own fields gave, or null for other states
 */
public record Inspection(
    JsonNode input,
    JsonNode afterInputPath,
    JsonNode afterParameters,
    JsonNode afterArguments,
    JsonNode result,
    JsonNode afterResultSelector,
    JsonNode afterResultPath,
    ObjectNode variables,
    ErrorDetails errorDetails,
    MapDetails map) {

  /**
   * A Map's items and limits as it would run them. Nulls when absent.
   *
   * @param afterItemsPath the items: ItemsPath over the effective input (JSONPath; not with an ItemReader)
   * @param afterItemsPointer the ItemReader's items at its ReaderConfig.ItemsPointer
   * @param afterItemSelector each iteration's input, after ItemSelector (only with one)
   * @param afterItemBatcher the ItemBatcher's batches (only with one)
   * @param maxConcurrency MaxConcurrency, 0 when absent
   * @param itemCount how many items there are (not reported; for the tolerated percentage)
   */
  public record MapDetails(JsonNode afterItemsPath, JsonNode afterItemsPointer, JsonNode afterItemSelector, JsonNode afterItemBatcher,
      Integer toleratedFailureCount, Double toleratedFailurePercentage, Integer maxConcurrency, int itemCount) {}

  /**
   * Which handler took a failure.
   *
   * @param catchIndex the index of the Catch that took it, or null
   * @param retryIndex the index of the Retry that would retry it, or null
   * @param retryBackoffIntervalSeconds that retry's delay, or null
   */
  public record ErrorDetails(Integer catchIndex, Integer retryIndex, Integer retryBackoffIntervalSeconds) {}
}
