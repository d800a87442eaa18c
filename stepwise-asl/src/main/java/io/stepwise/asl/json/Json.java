package io.stepwise.asl.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The one Jackson configuration Stepwise uses: strict duplicate detection, exact decimals. */
public final class Json {
  /** Node factory; decimals stay exact so 1.10 prints as AWS prints it. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .nodeFactory(NODES)
          .build();

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
    return message.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
  }

  /** Compact JSON text, as AWS writes values into causes and events. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
