package io.stepwise.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A RequestBody object as {@code application/x-www-form-urlencoded} text, for {@code Transform}
 * {@code RequestBodyEncoding: URL_ENCODED}. Arrays are written in the {@code ArrayFormat} asked
 * for, as AWS documents them for {@code {"array": ["a","b"]}}: INDICES (the default)
 * {@code array[0]=a&array[1]=b}, REPEAT {@code array=a&array=b}, COMMAS {@code array=a,b}, BRACKETS
 * {@code array[]=a&array[]=b}. A nested object's members are {@code key[member]=value}; null is an
 * empty value. Names and values are percent-encoded (a space as {@code %20}); the brackets are
 * written as the documentation shows them.
 */
final class FormEncoding {
  enum ArrayFormat {
    INDICES,
    REPEAT,
    COMMAS,
    BRACKETS
  }

  private FormEncoding() {}

  static String encode(JsonNode object, ArrayFormat format) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      add(out, encoded(e.getKey()), e.getValue(), format);
    }
    return out.toString();
  }

  private static void add(StringBuilder out, String key, JsonNode value, ArrayFormat format) {
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        add(out, key + "[" + encoded(e.getKey()) + "]", e.getValue(), format);
      }
    } else if (value.isArray()) {
      if (format == ArrayFormat.COMMAS) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode item : value) {
          joined.append(joined.isEmpty() ? "" : ",").append(encoded(scalar(item)));
        }
        pair(out, key, joined.toString());
        return;
      }
      int i = 0;
      for (JsonNode item : value) {
        String k = switch (format) {
          case INDICES -> key + "[" + i + "]";
          case BRACKETS -> key + "[]";
          default -> key;
        };
        add(out, k, item, format);
        i++;
      }
    } else {
      pair(out, key, encoded(scalar(value)));
    }
  }

  private static void pair(StringBuilder out, String key, String value) {
    out.append(out.isEmpty() ? "" : "&").append(key).append('=').append(value);
  }

  static String scalar(JsonNode v) {
    return v == null || v.isNull() ? "" : v.isTextual() ? v.textValue() : v.toString();
  }

  static String encoded(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
