package io.stepwise.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.cli.ExitCodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/** {@code stepwise demo delivery} run by a test on a thread of its own, in a directory; closing stops it as Ctrl-C does. */
final class RunningDemo implements AutoCloseable {
  final DeliveryDemoCommand demo = new DeliveryDemoCommand();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  RunningDemo(Path dir, String... args) throws Exception {
    demo.workDir = dir;
    demo.env = Map.of();
    CommandLine cmd = new CommandLine(demo);
    // a thread of its own: the common pool may have a single thread
    Thread.ofPlatform().name("demo").start(() -> exit.complete(cmd.execute(args)));
    demo.ready().get(120, TimeUnit.SECONDS); // or why it could not start
  }

  java.net.URI endpoint() {
    return demo.endpoint();
  }

  /** The machine's executions once {@code until} holds of them, or after 60 s, whatever they are then. */
  static List<ExecutionListItem> executionsWhen(DemoClients c, java.util.function.Predicate<List<ExecutionListItem>> until)
      throws InterruptedException {
    String machine = c.sfn.listStateMachines().stateMachines().get(0).stateMachineArn();
    List<ExecutionListItem> executions = List.of();
    for (int i = 0; i < 600; i++) {
      executions = c.sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine)).executions().stream().toList();
      if (until.test(executions)) {
        break;
      }
      Thread.sleep(100);
    }
    return executions;
  }

  @Override
  public void close() throws Exception {
    demo.stop();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }
}
