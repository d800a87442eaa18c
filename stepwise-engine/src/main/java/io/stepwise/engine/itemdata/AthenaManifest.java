package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ReaderConfig;

/**
 * An {@code s3:getObject} reader of an Athena UNLOAD manifest (ManifestType ATHENA_DATA): a text
 * file of S3 URIs ({@code s3://bucket/key}), one a line. Each data file is read per InputType
 * (CSV, which UNLOAD writes without a header row, so CSVHeaderLocation GIVEN; or JSONL) and their
 * items flattened into one dataset in the manifest's order.
 */
final class AthenaManifest implements DatasetReader {
  private final ReaderCall manifest;
  private final ReaderConfig config;
  private final ListedObjects objects;

  AthenaManifest(String resource, JsonNode request, ReaderConfig config, int maxItems) {
    this.manifest = ReaderCall.of(resource, request);
    this.config = config;
    this.objects = new ListedObjects(resource, maxItems);
  }

  @Override
  public ReaderCall first() {
    return manifest;
  }

  @Override
  public ReaderCall answered(ReaderCall call, JsonNode output) {
    if (call.object() == null) {
      if (!output.isTextual()) {
        throw ItemReaders.failed("The Athena manifest (" + ItemReaders.where(call.request()) + ") must be text, an S3 URI a line, but was: "
            + ItemReaders.shown(output));
      }
      read(call.request(), output.textValue());
    } else {
      objects.addAll(ItemReaders.items(config, call.request(), output, objects.room()));
    }
    return objects.next();
  }

  private void read(JsonNode request, String text) {
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String uri = lines[i].strip();
      if (uri.isEmpty()) {
        continue;
      }
      int slash = uri.indexOf('/', 5);
      if (!uri.regionMatches(true, 0, "s3://", 0, 5) || slash < 0 || slash == 5 || slash == uri.length() - 1) {
        throw ItemReaders.failed("Line " + (i + 1) + " of the Athena manifest (" + ItemReaders.where(request)
            + ") is not an S3 URI of an object (s3://bucket/key): '" + uri + "'");
      }
      objects.add(uri.substring(5, slash), uri.substring(slash + 1));
    }
  }

  @Override
  public JsonNode dataset() {
    return objects.items();
  }
}
