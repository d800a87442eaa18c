package io.stepwise.asl.path;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Writing with a reference path and reading back with the same path agree, for any fields. */
class ReferencePathPropertiesTest {

  @Property
  void whatIsWrittenReadsBackAndTheTargetIsUnchanged(
      @ForAll("trees") JsonNode target, @ForAll("paths") List<String> fields, @ForAll int value) {
    String path = "$" + fields.stream().map(f -> "['" + f + "']").reduce("", String::concat);
    String before = target.toString();
    JsonNode written = ReferencePath.compile(path).apply(target, Json.NODES.numberNode(value));
    assertThat(JsonPath.compile(path).read(Scope.of(written, null)).intValue()).isEqualTo(value);
    assertThat(target.toString()).isEqualTo(before);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of("a", "b", "c", "long name", "x-y");
  }

  @Provide
  Arbitrary<List<String>> paths() {
    return names().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    return names().list().ofMaxSize(4).map(
        path -> {
          ObjectNode root = Json.NODES.objectNode();
          ObjectNode cur = root;
          for (String f : path) {
            cur.put("sibling", 1);
            cur = cur.putObject(f);
          }
          return root;
        });
  }
}
