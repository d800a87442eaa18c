package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.HistoryReader;
import org.junit.jupiter.api.Test;

/** A stored history that cannot be read says which event and which field. */
class HistoryReaderTest {
  private static void refused(String history, String message) {
    assertThatThrownBy(() -> HistoryReader.read(Json.parse(history)))
        .isInstanceOf(HistoryReader.MalformedHistoryException.class)
        .hasMessage(message);
  }

  @Test
  void everyMistakeNamesTheEventAndTheField() {
    refused("{}", "a history is a JSON array of events");
    refused("[1]", "event 0: not a JSON object");
    refused("[{\"type\":\"Nope\",\"id\":1,\"timestamp\":1}]", "event 0: unknown event type 'Nope'");
    refused("[{\"type\":\"ExecutionStarted\",\"id\":\"x\",\"timestamp\":1}]", "event 0: id must be a number");
    refused("[{\"type\":\"PassStateEntered\",\"id\":2,\"timestamp\":1,\"stateEnteredEventDetails\":{\"name\":\"P\",\"input\":\"{\"}}]",
        "event 0 (id 2, PassStateEntered): input is not valid JSON: Unexpected end-of-input: expected close marker for Object"
            + " (start marker at line 1, column 1) (line 1, column 2)");
    refused("[{\"type\":\"MapIterationStarted\",\"id\":3,\"timestamp\":1,\"mapIterationStartedEventDetails\":{\"name\":\"M\",\"index\":-1}}]",
        "event 0 (id 3, MapIterationStarted): index must be a whole number from 0 to 2147483647");
  }

  @Test
  void timestampsKeepTheirMilliseconds() throws Exception {
    var events = HistoryReader.read(Json.parse("""
        [{"type":"ExecutionStarted","id":1,"previousEventId":0,"timestamp":1767225600.123,
          "executionStartedEventDetails":{"input":"{}","roleArn":"arn:aws:iam::1:role/r"}}]"""));
    assertThat(events.get(0).timestamp()).isEqualTo(1_767_225_600_123L);
  }
}
