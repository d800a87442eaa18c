package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A text-delimited file as Map items, by the rules AWS documents for ItemReader: one record per
 * line, each field a string keyed by its header; quotes may enclose delimiters and newlines, a
 * doubled quote is a quote, a backslash escapes a backslash, a quote or the delimiter (and is
 * dropped before any other character); a short row gets empty strings, extra fields are skipped.
 */
public final class CsvItems {
  private CsvItems() {}

  /** The delimiter a CSVDelimiter value names; COMMA when absent. */
  public static char delimiter(String name) {
    if (name == null) {
      return ',';
    }
    return switch (name) {
      case "COMMA" -> ',';
      case "PIPE" -> '|';
      case "SEMICOLON" -> ';';
      case "SPACE" -> ' ';
      case "TAB" -> '\t';
      default -> throw new IllegalArgumentException("CSVDelimiter " + name);
    };
  }

  /**
   * @param headers the given headers, or null when the first row holds them
   * @param maxItems how many rows to keep (after the header); 0 for all
   */
  public static ArrayNode parse(String text, char delimiter, List<String> headers, int maxItems) {
    List<List<String>> rows = records(text, delimiter, maxItems <= 0 ? -1 : maxItems + (headers == null ? 1 : 0));
    ArrayNode items = Json.NODES.arrayNode();
    int first = 0;
    if (headers == null) {
      if (rows.isEmpty()) {
        return items;
      }
      headers = rows.get(0);
      first = 1;
    }
    for (int r = first; r < rows.size() && (maxItems <= 0 || items.size() < maxItems); r++) {
      List<String> row = rows.get(r);
      ObjectNode item = Json.NODES.objectNode();
      for (int i = 0; i < headers.size(); i++) {
        item.put(headers.get(i), i < row.size() ? row.get(i) : "");
      }
      items.add(item);
    }
    return items;
  }

  /** Splits the text into records of fields; stops after {@code limit} records when it is positive. */
  static List<List<String>> records(String text, char delimiter, int limit) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean lineHasContent = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char next = text.charAt(++i);
        if (next == '\\' || next == '"' || next == delimiter) {
          field.append(next);
        } else if (next == '\n' || next == '\r') {
          i--; // a backslash before a line end escapes nothing
        } else {
          field.append(next); // the backslash alone is dropped
        }
        lineHasContent = true;
      } else if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        lineHasContent = true;
      } else if (c == delimiter) {
        row.add(field.toString());
        field.setLength(0);
        lineHasContent = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (lineHasContent) {
          row.add(field.toString());
          rows.add(row);
          if (limit > 0 && rows.size() >= limit) {
            return rows;
          }
        }
        row = new ArrayList<>();
        field.setLength(0);
        lineHasContent = false;
      } else {
        field.append(c);
        lineHasContent = true;
      }
    }
    if (lineHasContent) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
