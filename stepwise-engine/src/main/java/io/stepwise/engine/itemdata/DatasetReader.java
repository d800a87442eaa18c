package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one ItemReader reads its dataset: a call, then another as each answer says (a listing's
 * next page, the objects a manifest or listing names), until the dataset is read. Each answer is
 * taken as it comes, so a replay that hands back the recorded answers makes the same calls.
 * What cannot be read throws States.ItemReaderFailed naming the object.
 */
public interface DatasetReader {
  ReaderCall first();

  /** Takes a call's answer; returns the next call, or null when the dataset is read. */
  ReaderCall answered(ReaderCall call, JsonNode output);

  /** What was read, for ItemsPath to select from: the items, or one JSON object's document. */
  JsonNode dataset();
}
