package io.stepwise.engine.mock;

import java.util.List;
import java.util.Optional;

/**
 * One entry of a mock configuration's {@code MockedResponses}: an answer for each call number it
 * covers, calls counted from 0 ({@code "0"}, {@code "1-3"}). A call that no range covers has no
 * answer: the task fails with States.Runtime, as Step Functions Local fails the execution.
 */
public record MockedResponse(String name, List<Calls> calls) {
  public MockedResponse {
    calls = List.copyOf(calls);
  }

  /** The calls {@code first} to {@code last} (inclusive) answer {@code answer}. */
  public record Calls(int first, int last, MockAnswer answer) {
    public boolean covers(int call) {
      return call >= first && call <= last;
    }

    /** As the file writes it: {@code "3"} or {@code "1-2"}. */
    public String key() {
      return first == last ? Integer.toString(first) : first + "-" + last;
    }
  }

  /** The answer to the call numbered {@code call} (from 0), if a range covers it. */
  public Optional<MockAnswer> answer(int call) {
    for (Calls c : calls) {
      if (c.covers(call)) {
        return Optional.of(c.answer());
      }
    }
    return Optional.empty();
  }
}
