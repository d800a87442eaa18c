package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code stepwise serve} with Step Functions Local's mock configuration: from --mock-config,
 * STEPWISE_MOCK_CONFIG, the mockConfig key of stepwise.yaml, SFN_MOCK_CONFIG or MockConfigFile.json
 * in the working directory; a file that cannot be used is refused at start (exit 2) with every
 * problem at its JSON Pointer.
 */
class ServeMockConfigTest {
  @TempDir Path dir;

  private static final String MOCKS = """
      {"StateMachines":{"Greeter":{"TestCases":{"Happy":{"Greet":"Greeted"}}}},
       "MockedResponses":{"Greeted":{"0":{"Return":{"greeting":"mocked hello"}}}}}""";
  private static final String BAD = """
      {"StateMachines":{"Greeter":{"TestCases":{"Happy":{"Greet":"Nowhere"}}}},
       "MockedResponses":{"Greeted":{"first":{"Return":1}}}}""";

  private Cli.Outcome serve(Map<String, String> env, String... args) {
    ServeCommand serve = new ServeCommand();
    serve.workDir = dir;
    serve.env = env;
    java.io.StringWriter err = new java.io.StringWriter();
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      int exit = new CommandLine(serve).setErr(new java.io.PrintWriter(err)).execute(args);
      return new Cli.Outcome(exit, "", bytes.toString(java.nio.charset.StandardCharsets.UTF_8) + err);
    } finally {
      System.setErr(before);
    }
  }

  @Test
  void aMalformedFileIsRefusedAtStartWithEveryProblemAtItsPointerWhereverItIsNamed() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), BAD);
    String[] problems = {"stepwise serve: " + bad + ": invalid mock configuration (2 problems)",
        "  /MockedResponses/Greeted/first: \"first\" is not a call number or range",
        "  /StateMachines/Greeter/TestCases/Happy/Greet: the mocked response \"Nowhere\" is not in MockedResponses"};
    Cli.Outcome flag = serve(Map.of(), "--mock-config", bad.toString(), "--port", "0", "--data", dir.resolve("d").toString());
    assertThat(flag.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(flag.err()).contains(problems);
    Cli.Outcome env = serve(Map.of("STEPWISE_MOCK_CONFIG", "bad.json"), "--port", "0", "--data", dir.resolve("d").toString());
    assertThat(env.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(env.err()).contains(problems);
    Cli.Outcome sfnLocal = serve(Map.of("SFN_MOCK_CONFIG", bad.toString()), "--port", "0", "--data", dir.resolve("d").toString());
    assertThat(sfnLocal.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(sfnLocal.err()).contains(problems);
    Files.writeString(dir.resolve("MockConfigFile.json"), BAD);
    Cli.Outcome byDefault = serve(Map.of(), "--port", "0", "--data", dir.resolve("d").toString());
    assertThat(byDefault.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(byDefault.err()).contains("MockConfigFile.json: invalid mock configuration (2 problems)");
    Cli.Outcome missing = serve(Map.of(), "--mock-config", "none.json", "--port", "0", "--data", dir.resolve("d").toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("none.json cannot be read: no such file");
  }

  @Test
  void theFileOfStepwiseYamlServesTestCasesToStartExecutionOfArnHashCase() throws Exception {
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/mocks.json"), MOCKS);
    Files.writeString(dir.resolve("conf/stepwise.yaml"), "port: 0\ndata: store\nmockConfig: mocks.json\n");
    ServeCommand serve = new ServeCommand();
    serve.workDir = dir;
    serve.env = Map.of();
    CommandLine cmd = new CommandLine(serve);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute("--config", "conf/stepwise.yaml"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    try (SfnClient sfn = SfnClient.builder().endpointOverride(serve.server().endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      String sm = sfn.createStateMachine(b -> b.name("Greeter").roleArn("arn:aws:iam::123456789012:role/r").definition("""
          {"StartAt":"Greet","States":{"Greet":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
            "Parameters":{"FunctionName":"greet"},"End":true}}}""")).stateMachineArn();
      String arn = sfn.startExecution(b -> b.stateMachineArn(sm + "#Happy")).executionArn();
      var d = sfn.describeExecution(b -> b.executionArn(arn));
      for (int i = 0; i < 500 && d.status() == ExecutionStatus.RUNNING; i++) {
        Thread.sleep(20);
        d = sfn.describeExecution(b -> b.executionArn(arn));
      }
      assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(d.output()).isEqualTo("{\"greeting\":\"mocked hello\"}");
      // without the test case the function is called: none is declared, so Lambda's own error
      String real = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
      var r = sfn.describeExecution(b -> b.executionArn(real));
      for (int i = 0; i < 500 && r.status() == ExecutionStatus.RUNNING; i++) {
        Thread.sleep(20);
        r = sfn.describeExecution(b -> b.executionArn(real));
      }
      assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(r.error()).isEqualTo("Lambda.ResourceNotFoundException");
    }
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }
}
