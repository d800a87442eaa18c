package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.Expect.oneState;
import static io.stepwise.asl.validate.Expect.problems;
import static io.stepwise.asl.validate.Expect.valid;

import org.junit.jupiter.api.Test;

class MapAndParallelTest {
  private static final String PROCESSOR = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";
  private static final String DISTRIBUTED = "{\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"},"
      + " \"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

  private static String map(String fields) {
    return oneState("{\"Type\": \"Map\", \"End\": true, " + fields + "}");
  }

  @Test
  void aParallelNeedsANonEmptyArrayOfBranches() {
    problems(oneState("{\"Type\": \"Parallel\", \"End\": true}"), "/States/S: \"Branches\" is required");
    problems(oneState("{\"Type\": \"Parallel\", \"End\": true, \"Branches\": []}"), "/States/S/Branches: must be a non-empty array");
    problems(oneState("{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [[" + PROCESSOR + "], {\"States\": {}, \"Foo\": 1}]}"),
        "/States/S/Branches/0: a branch must be an object with StartAt and States",
        "/States/S/Branches/1: unknown field \"Foo\"",
        "/States/S/Branches/1: \"StartAt\" is required");
  }

  @Test
  void aMapNeedsOneItemProcessor() {
    problems(map("\"ItemsPath\": \"$.items\""), "/States/S: \"ItemProcessor\" is required");
    problems(map("\"ItemProcessor\": " + PROCESSOR + ", \"Iterator\": " + PROCESSOR.replace("\"P\"", "\"Q\"")),
        "/States/S: \"ItemProcessor\" and \"Iterator\" cannot both be set");
    valid(map("\"Iterator\": " + PROCESSOR + ", \"Parameters\": {\"i.$\": \"$$.Map.Item.Index\"}"));
  }

  @Test
  void processorConfigHasAModeAndADistributedMapAnExecutionType() {
    problems(map("\"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"PARALLEL\", \"ExecutionType\": \"FAST\", \"X\": 1},"
            + " \"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}"),
        "/States/S/ItemProcessor/ProcessorConfig: unknown field \"X\"",
        "/States/S/ItemProcessor/ProcessorConfig/Mode: must be one of \"INLINE\", \"DISTRIBUTED\"",
        "/States/S/ItemProcessor/ProcessorConfig/ExecutionType: must be one of \"STANDARD\", \"EXPRESS\"");
    problems(map("\"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"},"
            + " \"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}"),
        "/States/S/ItemProcessor/ProcessorConfig: \"ExecutionType\" is required with Mode DISTRIBUTED");
  }

  @Test
  void itemsAndConcurrencyAndToleranceHaveTheirRanges() {
    problems(map("\"ItemProcessor\": " + PROCESSOR + ", \"ItemsPath\": \"$.a[*]\", \"MaxConcurrency\": -1,"
            + " \"ToleratedFailureCount\": 1.5, \"ToleratedFailurePercentage\": 100.5"),
        "/States/S/ItemsPath: must select a single value: no wildcards, filters, slices or deep scans",
        "/States/S/MaxConcurrency: must be at least 0",
        "/States/S/ToleratedFailureCount: must be an integer",
        "/States/S/ToleratedFailurePercentage: must be at most 100");
    problems(map("\"ItemProcessor\": " + PROCESSOR + ", \"MaxConcurrency\": 1, \"MaxConcurrencyPath\": \"$.m\","
            + " \"ToleratedFailurePercentage\": 5, \"ToleratedFailurePercentagePath\": \"$.p\","
            + " \"ItemSelector\": {}, \"Parameters\": {}"),
        "/States/S: \"ItemSelector\" and \"Parameters\" cannot both be set",
        "/States/S: \"MaxConcurrency\" and \"MaxConcurrencyPath\" cannot both be set",
        "/States/S: \"ToleratedFailurePercentage\" and \"ToleratedFailurePercentagePath\" cannot both be set");
    valid(map("\"ItemProcessor\": " + PROCESSOR + ", \"ItemsPath\": \"$items\", \"MaxConcurrencyPath\": \"$max\","
        + " \"ToleratedFailurePercentage\": 12.5, \"ToleratedFailureCountPath\": \"$.n\","
        + " \"ItemSelector\": {\"v.$\": \"$$.Map.Item.Value\"}"));
  }

  @Test
  void readerBatcherAndWriterNeedADistributedMap() {
    problems(map("\"ItemProcessor\": " + PROCESSOR + ", \"ItemBatcher\": {\"MaxItemsPerBatch\": 2}"),
        "/States/S/ItemBatcher: requires ProcessorConfig Mode DISTRIBUTED");
  }

  @Test
  void itemReaderFieldsAreChecked() {
    problems(map("\"ItemProcessor\": " + DISTRIBUTED + ", \"ItemReader\": {\"Parameters\": {\"Bucket.$\": \"bucket\"},"
            + " \"ReaderConfig\": {\"InputType\": \"XML\", \"CSVHeaderLocation\": \"GIVEN\", \"MaxItems\": 100000001,"
            + " \"MaxItemsPath\": \"$.m\", \"Foo\": true}}"),
        "/States/S/ItemReader: \"Resource\" is required",
        "/States/S/ItemReader/Parameters/Bucket.$: 'bucket' is neither a JSONPath (starting with '$') nor an intrinsic function call",
        "/States/S/ItemReader/ReaderConfig: unknown field \"Foo\"",
        "/States/S/ItemReader/ReaderConfig/InputType: must be one of \"CSV\", \"JSON\", \"JSONL\", \"MANIFEST\", \"PARQUET\"",
        "/States/S/ItemReader/ReaderConfig: \"CSVHeaders\" is required with CSVHeaderLocation GIVEN",
        "/States/S/ItemReader/ReaderConfig: \"MaxItems\" and \"MaxItemsPath\" cannot both be set",
        "/States/S/ItemReader/ReaderConfig/MaxItems: must be at most 100000000");
    valid(map("\"ItemProcessor\": " + DISTRIBUTED + ", \"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:listObjectsV2\","
        + " \"Parameters\": {\"Bucket\": \"b\", \"Prefix.$\": \"$.prefix\"},"
        + " \"ReaderConfig\": {\"InputType\": \"CSV\", \"CSVHeaderLocation\": \"GIVEN\", \"CSVHeaders\": [\"a\", \"b\"],"
        + " \"CSVDelimiter\": \"TAB\", \"MaxItemsPath\": \"$.max\"}}"));
  }

  private static String reader(String resource, String config) {
    return map("\"ItemProcessor\": " + DISTRIBUTED + ", \"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:" + resource + "\","
        + " \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}, \"ReaderConfig\": " + config + "}");
  }

  @Test
  void manifestsAndLoadAndFlattenAreAcceptedAsAwsDocumentsThem() {
    valid(reader("getObject", "{\"ManifestType\": \"S3_INVENTORY\"}"));
    valid(reader("getObject", "{\"InputType\": \"MANIFEST\"}"));
    valid(reader("getObject", "{\"InputType\": \"MANIFEST\", \"ManifestType\": \"S3_INVENTORY\", \"MaxItems\": 10}"));
    valid(reader("getObject", "{\"ManifestType\": \"ATHENA_DATA\", \"InputType\": \"CSV\", \"CSVHeaderLocation\": \"GIVEN\","
        + " \"CSVHeaders\": [\"id\"]}"));
    valid(reader("getObject", "{\"ManifestType\": \"ATHENA_DATA\", \"InputType\": \"PARQUET\"}"));
    valid(reader("listObjectsV2", "{\"InputType\": \"JSONL\", \"Transformation\": \"LOAD_AND_FLATTEN\"}"));
    valid(reader("listObjectsV2", "{\"Transformation\": \"NONE\"}"));
  }

  @Test
  void readerConfigCombinationsTheDocumentationRulesOutAreRefused() {
    problems(reader("listObjectsV2", "{\"Transformation\": \"LOAD_AND_FLATTEN\"}"),
        "/States/S/ItemReader/ReaderConfig: \"InputType\" is required with Transformation LOAD_AND_FLATTEN");
    problems(reader("getObject", "{\"ManifestType\": \"S3_INVENTORY\", \"InputType\": \"CSV\", \"CSVHeaderLocation\": \"FIRST_ROW\"}"),
        "/States/S/ItemReader/ReaderConfig/InputType: cannot be set with ManifestType S3_INVENTORY: an S3 inventory's files are CSV,"
            + " as its manifest says");
    problems(reader("getObject", "{\"ManifestType\": \"ATHENA_DATA\", \"InputType\": \"MANIFEST\"}"),
        "/States/S/ItemReader/ReaderConfig/InputType: MANIFEST (an S3 inventory manifest) cannot be read with ManifestType ATHENA_DATA");
  }

  @Test
  void itemBatcherFieldsAreChecked() {
    problems(map("\"ItemProcessor\": " + DISTRIBUTED + ", \"ItemBatcher\": {\"MaxItemsPerBatch\": 0,"
            + " \"MaxInputBytesPerBatch\": 262145, \"MaxInputBytesPerBatchPath\": \"$.b\", \"BatchInput\": {\"k.$\": 1}}"),
        "/States/S/ItemBatcher: \"MaxInputBytesPerBatch\" and \"MaxInputBytesPerBatchPath\" cannot both be set",
        "/States/S/ItemBatcher/MaxItemsPerBatch: must be at least 1",
        "/States/S/ItemBatcher/MaxInputBytesPerBatch: must be at most 262144",
        "/States/S/ItemBatcher/BatchInput/k.$: must be a string holding a path or an intrinsic function call");
  }

  @Test
  void resultWriterFieldsAreChecked() {
    problems(map("\"ItemProcessor\": " + DISTRIBUTED + ", \"ResultWriter\": {\"Parameters\": {\"Bucket\": \"b\"},"
            + " \"WriterConfig\": {\"Transformation\": \"ZIP\"}}"),
        "/States/S/ResultWriter: \"Resource\" is required with \"Parameters\"",
        "/States/S/ResultWriter/WriterConfig: \"OutputType\" is required",
        "/States/S/ResultWriter/WriterConfig/Transformation: must be one of \"NONE\", \"COMPACT\", \"FLATTEN\"");
    problems(map("\"ItemProcessor\": " + DISTRIBUTED + ", \"ResultWriter\": {}"),
        "/States/S/ResultWriter: \"Resource\" or \"WriterConfig\" is required");
    valid(map("\"ItemProcessor\": " + DISTRIBUTED + ", \"ResultWriter\": {\"WriterConfig\": {\"OutputType\": \"JSONL\"}}"));
  }

  @Test
  void labelsAreShortPlainAndUnique() {
    problems("""
        {"StartAt": "M1", "States": {
          "M1": {"Type": "Map", "Label": "Same", "Next": "M2", "ItemProcessor": {"StartAt": "P1", "States": {"P1": {"Type": "Succeed"}}}},
          "M2": {"Type": "Map", "Label": "Same", "Next": "M3", "ItemProcessor": {"StartAt": "P2", "States": {"P2": {"Type": "Succeed"}}}},
          "M3": {"Type": "Map", "Label": "has space", "End": true, "ItemProcessor": {"StartAt": "P3", "States": {"P3": {"Type": "Succeed"}}}}}}""",
        "/States/M2/Label: is already used at /States/M1/Label; labels must be unique in the state machine",
        "/States/M3/Label: must not contain whitespace, control characters or any of <>{}[]?*\"#%\\^|~`$&,;:/");
    problems(map("\"ItemProcessor\": " + PROCESSOR + ", \"Label\": \"" + "L".repeat(41) + "\""),
        "/States/S/Label: must be 1 to 40 characters long");
  }

  @Test
  void theProcessorIsItsOwnScope() {
    problems(map("\"ItemProcessor\": {\"StartAt\": \"Q\", \"QueryLanguage\": \"JSONata\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Next\": \"S\"}}}"),
        "/States/S/ItemProcessor: unknown field \"QueryLanguage\"",
        "/States/S/ItemProcessor/StartAt: \"StartAt\" names no state: \"Q\"",
        "/States/S/ItemProcessor/States/P/Next: \"Next\" names no state: \"S\"",
        "/States/S/ItemProcessor/States: no terminal state: no state has \"End\": true or is a Succeed or Fail state");
  }
}
