package io.stepwise.asl.model;

/**
 * Groups Map items into batches; each child gets {@code {"Items": [...], "BatchInput": ...}}.
 * Null fields are absent.
 */
public record ItemBatcher(NumberField maxItemsPerBatch, NumberField maxInputBytesPerBatch, Expression batchInput) {}
