package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.integrations.lambda.command.Runtimes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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
 * Lambda functions declared in stepwise.yaml, through {@code stepwise serve} and the SDK's
 * SfnClient: a Python command function and an HTTP one answer tasks; {@code stepwise functions
 * list} shows them; a bad declaration stops serve at start naming its key; and a function call in
 * flight when the server is killed (SIGKILL) is made again after the restart.
 */
class LambdaServeTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/lambda";
  private static final String HANDLER = """
      import os, time
      def handler(event, context):
          with open(os.path.join(os.environ["MARKS"], "calls.txt"), "a") as f:
              f.write(context.aws_request_id + "\\n")
          if os.path.exists(os.path.join(os.environ["MARKS"], "block")):
              time.sleep(60)
          return {"hello": event.get("name"), "pid": os.getpid()}
      """;
  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();
  private HttpServer http;

  @AfterEach
  void stopAll() {
    started.forEach(Process::destroyForcibly);
    if (http != null) {
      http.stop(0);
    }
  }

  private void writeConfig(String extra) throws IOException {
    Path fns = Files.createDirectories(dir.resolve("fns"));
    Files.writeString(fns.resolve("hello.py"), HANDLER);
    Runtimes.extract(Runtimes.PYTHON, fns);
    Files.writeString(dir.resolve("stepwise.yaml"), """
        port: 0
        data: data
        functions:
          hello:
            command: python3
            args: [stepwise_lambda.py, hello.handler]
            workdir: fns
            env: {MARKS: %s}
            timeout: 120
        """.formatted(dir) + extra);
  }

  private static SfnClient client(URI endpoint) {
    return SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build()).build();
  }

  private static JsonNode awaitOutput(SfnClient sfn, String arn) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      var d = sfn.describeExecution(b -> b.executionArn(arn));
      if (d.status() != ExecutionStatus.RUNNING) {
        assertThat(d.status()).as(d.error() + ": " + d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return new ObjectMapper().readTree(d.output());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the execution did not end: " + arn);
  }

  @Test
  void declaredFunctionsAnswerTasksThroughServeAndAreListed() throws Exception {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/price", ex -> {
      byte[] b = "{\"price\":4.5}".getBytes(StandardCharsets.UTF_8);
      ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    // and Lambda's own Invoke API, for the aws function and every undeclared name (services.lambda)
    List<String> remoteCalls = java.util.Collections.synchronizedList(new ArrayList<>());
    http.createContext("/2015-03-31/functions/", ex -> {
      String path = ex.getRequestURI().getPath();
      remoteCalls.add(path.substring("/2015-03-31/functions/".length(), path.lastIndexOf("/invocations")));
      byte[] b = ("{\"charged\":" + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("X-Amz-Executed-Version", "3");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    http.start();
    String base = "http://127.0.0.1:" + http.getAddress().getPort();
    String priceUrl = base + "/price";
    writeConfig("  price: {url: " + priceUrl + "}\n  charge: {aws: billing-charge}\n"
        + "services:\n  lambda: {endpoint: " + base + ", region: us-east-1, accessKeyId: AKID, secretAccessKey: secret}\n");

    Cli.Outcome listed = Cli.stepwise("functions", "list", "--config", dir.resolve("stepwise.yaml").toString());
    assertThat(listed.exit()).isEqualTo(0);
    assertThat(listed.out()).contains("NAME    KIND     TARGET")
        .contains("hello   command  python3 stepwise_lambda.py hello.handler (in " + dir.resolve("fns") + ", 1 worker)")
        .contains("price   url      " + priceUrl)
        .contains("charge  aws      billing-charge on " + base + " in us-east-1")
        .contains("Other function names go to " + base + " in us-east-1.");

    ServeCommand serve = new ServeCommand();
    serve.workDir = dir;
    CommandLine cmd = new CommandLine(serve);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    try (SfnClient sfn = client(serve.server().endpoint())) {
      String machine = sfn.createStateMachine(b -> b.name("greet").roleArn(ROLE).definition("""
          {"StartAt":"Hello","States":{
            "Hello":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:hello","ResultPath":"$.hello","Next":"Price"},
            "Price":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"price"},
              "ResultSelector":{"p.$":"$.Payload.price"},"ResultPath":"$.price","Next":"Charge"},
            "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"charge","Payload":{"n":1}},
              "ResultSelector":{"p.$":"$.Payload","v.$":"$.ExecutedVersion"},"ResultPath":"$.charge","Next":"Other"},
            "Other":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:undeclared","Parameters":{"n":2},
              "ResultPath":"$.other","End":true}}}""")).stateMachineArn();
      JsonNode a = awaitOutput(sfn, sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"name\":\"Ada\"}")).executionArn());
      JsonNode b2 = awaitOutput(sfn, sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"name\":\"Bo\"}")).executionArn());
      assertThat(a.get("hello").get("hello").asText()).isEqualTo("Ada");
      assertThat(a.get("price").get("p").asDouble()).isEqualTo(4.5);
      assertThat(b2.get("hello").get("pid")).as("one warm worker").isEqualTo(a.get("hello").get("pid"));
      assertThat(a.get("charge").toString()).isEqualTo("{\"p\":{\"charged\":{\"n\":1}},\"v\":\"3\"}");
      assertThat(a.get("other").toString()).isEqualTo("{\"charged\":{\"n\":2}}");
      assertThat(remoteCalls).contains("billing-charge", "arn:aws:lambda:us-east-1:123456789012:function:undeclared");
    }
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }

  @Test
  void theExamplesConfigurationDeclaresItsPythonAndNodeFunctions() {
    Cli.Outcome listed = Cli.stepwise("functions", "list", "--config", "../examples/lambda/stepwise.yaml");
    assertThat(listed.exit()).as(listed.err()).isEqualTo(0);
    assertThat(listed.out()).contains("greet       command  python3 stepwise_lambda.py greet.handler")
        .contains("greet-node  command  node stepwise_lambda.js greet.handler");
  }

  @Test
  void aBadFunctionDeclarationStopsServeAndTheListNamingItsKey() throws Exception {
    Files.writeString(dir.resolve("stepwise.yaml"), "functions:\n  pay:\n    command: python3\n    timeout: forever\n");
    String expected = "functions.pay.timeout: must be a number of seconds above 0 and at most 900 (Lambda's limit), not the string 'forever'";
    Cli.Outcome serve = Cli.stepwise("serve", "--config", dir.resolve("stepwise.yaml").toString(), "--port", "0");
    assertThat(serve.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(serve.err()).contains(expected).contains(dir.resolve("stepwise.yaml").toString());
    Cli.Outcome list = Cli.stepwise("functions", "list", "--config", dir.resolve("stepwise.yaml").toString());
    assertThat(list.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(list.err()).contains(expected);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private Process serveProcess(int port) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.stepwise.cli.Main", "serve",
        "--config", dir.resolve("stepwise.yaml").toString(), "--port", Integer.toString(port));
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("server-" + started.size() + ".log").toFile());
    Process p = pb.start();
    started.add(p);
    return p;
  }

  private static void awaitUp(SfnClient sfn, Process p) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      try {
        sfn.listStateMachines(b -> b.maxResults(1));
        return;
      } catch (RuntimeException e) {
        assertThat(p.isAlive()).as("the server process is alive").isTrue();
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the server did not come up");
  }

  @Test
  void aFunctionCallInFlightWhenTheServerIsKilledIsMadeAgainAfterTheRestart() throws Exception {
    writeConfig("");
    Path calls = dir.resolve("calls.txt");
    Files.writeString(dir.resolve("block"), "");
    int port = freePort();
    Process first = serveProcess(port);
    String execution;
    List<Long> firstWorkers;
    try (SfnClient sfn = client(URI.create("http://127.0.0.1:" + port))) {
      awaitUp(sfn, first);
      String machine = sfn.createStateMachine(b -> b.name("durable").roleArn(ROLE).definition("""
          {"StartAt":"Hello","States":{"Hello":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
            "Parameters":{"FunctionName":"hello","Payload":{"name":"again"}},"OutputPath":"$.Payload","End":true}}}""")).stateMachineArn();
      execution = sfn.startExecution(b -> b.stateMachineArn(machine).name("in-flight")).executionArn();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while ((!Files.exists(calls) || Files.readAllLines(calls).isEmpty()) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(Files.readAllLines(calls)).as("the function was called once before the crash").hasSize(1);
      firstWorkers = first.descendants().map(ProcessHandle::pid).toList();
    }
    first.destroyForcibly(); // SIGKILL: no shutdown hook; its worker sees its stdin close and ends
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
    Files.delete(dir.resolve("block"));

    Process second = serveProcess(port);
    try (SfnClient sfn = client(URI.create("http://127.0.0.1:" + port))) {
      awaitUp(sfn, second);
      JsonNode out = awaitOutput(sfn, execution);
      assertThat(out.get("hello").asText()).isEqualTo("again");
      List<String> lines = Files.readAllLines(calls);
      assertThat(lines).as("invoked again after the restart, with a request id of its own").hasSize(2);
      assertThat(lines.get(1)).isNotEqualTo(lines.get(0));
    }
    second.destroy();
    assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
    for (long pid : firstWorkers) {
      // the first server's worker, still asleep in its handler, ends by itself once its stdin is closed
      ProcessHandle.of(pid).ifPresent(h -> {
        try {
          h.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          h.destroyForcibly();
          throw new AssertionError("the orphaned worker " + pid + " did not end", e);
        }
      });
    }
  }
}
