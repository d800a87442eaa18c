package io.stepwise.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ItemReader;
import io.stepwise.asl.model.QueryLanguage;
import io.stepwise.asl.model.ReaderConfig;
import io.stepwise.asl.model.ResultWriter;
import io.stepwise.asl.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/** Binds a Distributed Map's ItemReader and ResultWriter, compiling their requests once. */
final class MapDataBinder {
  private final StateBinder states;
  private final List<Problem> problems;

  MapDataBinder(StateBinder states, List<Problem> problems) {
    this.states = states;
    this.problems = problems;
  }

  ItemReader reader(Fields map, QueryLanguage ql) {
    JsonNode node = map.get("ItemReader");
    if (node == null || !node.isObject()) {
      return null;
    }
    Fields f = new Fields(node, map.at("ItemReader"), problems);
    return new ItemReader(f.text("Resource"), request(f, ql), config(f, ql));
  }

  private ReaderConfig config(Fields reader, QueryLanguage ql) {
    JsonNode node = reader.get("ReaderConfig");
    if (node == null || !node.isObject()) {
      return ReaderConfig.NONE;
    }
    Fields c = new Fields(node, reader.at("ReaderConfig"), problems);
    List<String> headers = null;
    JsonNode h = c.get("CSVHeaders");
    if (h != null && h.isArray()) {
      headers = new ArrayList<>(h.size());
      for (JsonNode v : h) {
        headers.add(v.asText());
      }
    }
    return new ReaderConfig(
        c.text("InputType"),
        c.text("CSVHeaderLocation"),
        headers == null ? null : List.copyOf(headers),
        c.text("CSVDelimiter"),
        states.number(c, ql, "MaxItems"),
        c.text("ItemsPointer"),
        c.text("Transformation"),
        c.text("ManifestType"));
  }

  ResultWriter writer(Fields map, QueryLanguage ql) {
    JsonNode node = map.get("ResultWriter");
    if (node == null || !node.isObject()) {
      return null;
    }
    Fields f = new Fields(node, map.at("ResultWriter"), problems);
    JsonNode config = f.get("WriterConfig");
    String outputType = null;
    String transformation = null;
    if (config != null && config.isObject()) {
      Fields c = new Fields(config, f.at("WriterConfig"), problems);
      outputType = c.text("OutputType");
      transformation = c.text("Transformation");
    }
    return new ResultWriter(f.text("Resource"), request(f, ql), outputType, transformation);
  }

  private io.stepwise.asl.model.Expression request(Fields f, QueryLanguage ql) {
    return states.payload(f, ql, ql == QueryLanguage.JSONATA ? "Arguments" : "Parameters");
  }
}
