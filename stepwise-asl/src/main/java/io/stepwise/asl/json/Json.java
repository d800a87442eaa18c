package io.stepwise.asl.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The one Jackson configuration Stepwise uses: strict duplicate detection, exact decimals. */
public final class Json {
  /** Node factory; decimals stay exact so 1.10 prints as AWS prints it. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /**
   * Jackson's buffers, shared by all threads. Its default pool keeps them per thread, and Stepwise
   * runs its requests and steps on virtual threads, a new one each time: every parse and every
   * write allocated fresh buffers and paid a thread-local lookup (a tenth of StartExecution's CPU).
   */
  public static final RecyclerPool<BufferRecycler> RECYCLER = JsonRecyclerPools.sharedConcurrentDequePool();

  public static final ObjectMapper MAPPER =
      JsonMapper.builder(JsonFactory.builder()
              // Jackson's writer lets one level more through than its reader: held one lower, what
              // Stepwise writes (JsonToString, events) always reads back
              .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Json.MAX_DEPTH - 1).build())
              .recyclerPool(RECYCLER)
              .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .nodeFactory(NODES)
          .build();

  /**
   * The deepest a JSON value may be nested: what Jackson reads and writes by default, so every
   * value Stepwise takes in can be written out again.
   */
  public static final int MAX_DEPTH = 1000;

  private static final java.util.regex.Pattern CONSTRAINT =
      java.util.regex.Pattern.compile("(Document nesting depth|String value length|Number value length|Name length|Document length) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+), from `[^`]*`\\)");

  private Json() {}

  /** Parses JSON text; throws {@link JsonProcessingException} naming line and column. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /**
   * What is wrong with JSON text, for people: the parser's message (see {@link #message}), then
   * where, e.g. "Unexpected end-of-input: expected close marker for Object (start marker at line
   * 1, column 1) (line 1, column 16)".
   */
  public static String problem(JacksonException e) {
    return e.getLocation() == null
        ? message(e)
        : message(e) + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  /** The parser's message: its first line, with "[Source: ...; line: 1, column: 1]" as "line 1, column 1". */
  public static String message(JacksonException e) {
    String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    message = plainLimit(message);
    return message.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
  }

  /** A parser limit in plain words, without the names of Jackson's settings. */
  private static String plainLimit(String message) {
    java.util.regex.Matcher m = CONSTRAINT.matcher(message);
    if (!m.find()) {
      return message;
    }
    String limit = m.group(3);
    String plain = switch (m.group(1)) {
      case "Document nesting depth" -> "the JSON is nested more than " + limit + " levels deep";
      case "String value length" -> "a string is longer than " + limit + " characters";
      case "Number value length" -> "a number is longer than " + limit + " digits";
      case "Name length" -> "a field name is longer than " + limit + " characters";
      default -> "the JSON is longer than " + limit + " characters";
    };
    return message.substring(0, m.start()) + plain + message.substring(m.end());
  }

  /**
   * Compact JSON text, as AWS writes values into causes and events.
   *
   * @throws TooDeepException when the value is nested more than {@link #MAX_DEPTH} levels deep
   */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (StreamConstraintsException e) {
      throw new TooDeepException();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A value nested deeper than JSON text may be here ({@link #MAX_DEPTH}); only the engine can build one. */
  public static final class TooDeepException extends RuntimeException {
    public TooDeepException() {
      super("the value is nested more than " + MAX_DEPTH + " levels deep", null, false, false);
    }
  }
}
