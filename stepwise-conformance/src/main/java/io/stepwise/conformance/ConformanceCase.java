package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One corpus case: a definition, an input and what AWS Step Functions returned for them.
 *
 * @param id the case directory's name
 * @param dir the case directory
 * @param definition the ASL definition text
 * @param input the execution input text
 * @param status SUCCEEDED, FAILED, TIMED_OUT or RUNNING
 * @param output the recorded output (JSON; a text node when {@code outputIsJson} is false); null if none
 * @param outputIsJson whether {@code output} is JSON (null when there is no output)
 * @param error the recorded error, or null
 * @param cause the recorded cause: a text node, or the parsed value when it was JSON; null if none
 * @param events the history event types in order, or null where only the result was recorded
 * @param needs {@code []} or {@code ["lambda:<handler>", ...]}
 * @param names the names that shape ARNs
 * @param executionType STANDARD or EXPRESS
 * @param startApi StartExecution or StartSyncExecution
 * @param recordedVia where the recorded values came from: history, output, sync, end_event, describe
 * @param timeDependent whether the case depends on the wall clock
 * @param eventsOrderNormalised whether Parallel-branch events were sorted before recording
 * @param normalization the ops, in order
 * @param category the case's category
 * @param features the features it exercises
 * @param lambdas the Lambda functions the case deploys, by function name
 * @param verifiedAgainstAws whether the recording was verified against AWS
 */
public record ConformanceCase(
    String id,
    Path dir,
    String definition,
    String input,
    String status,
    JsonNode output,
    Boolean outputIsJson,
    String error,
    JsonNode cause,
    List<String> events,
    List<String> needs,
    Names names,
    String executionType,
    String startApi,
    List<String> recordedVia,
    boolean timeDependent,
    boolean eventsOrderNormalised,
    List<JsonNode> normalization,
    String category,
    List<String> features,
    Map<String, LambdaRef> lambdas,
    boolean verifiedAgainstAws) {

  /** The query language a case is reported under. */
  public enum Mode {
    JSONPATH,
    JSONATA;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The names an execution must run under so that ARNs line up with the recording.
   *
   * @param stateMachineName the state machine's name
   * @param executionName the execution's name
   * @param roleArn the role ARN
   * @param account the account id
   * @param region the region
   */
  public record Names(String stateMachineName, String executionName, String roleArn, String account, String region) {}

  /**
   * A Lambda function the case deploys.
   *
   * @param name the function name
   * @param arn the function ARN
   * @param handler the handler module (the {@code lambdas/<handler>.py} file name without .py)
   */
  public record LambdaRef(String name, String arn, String handler) {}

  /** A case is JSONata-mode when its definition mentions JSONata anywhere. */
  public boolean jsonata() {
    return definition.contains("JSONata");
  }

  public Mode mode() {
    return jsonata() ? Mode.JSONATA : Mode.JSONPATH;
  }

  /** The recorded (normalised) GetExecutionHistory events, where the case has them. */
  public Optional<Path> historyFile() {
    Path p = dir == null ? null : dir.resolve("history.json");
    return p != null && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** Whether the recorded values came from GetExecutionHistory. */
  public boolean recordedFromHistory() {
    return recordedVia != null && recordedVia.contains("history");
  }
}
