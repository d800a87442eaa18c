package io.stepwise.cli;

import io.stepwise.integrations.messaging.MessagingDb;
import io.stepwise.integrations.messaging.Published;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise messages}: what reached the local SNS topics and EventBridge buses of a data
 * directory, oldest first, one JSON object a line. It reads {@code messaging.db} directly, so it
 * works while {@code stepwise serve} runs (SQLite readers do not block its writer).
 */
@Command(
    name = "messages",
    mixinStandardHelpOptions = true,
    description = {
      "Prints what reached the local SNS topics and EventBridge buses, oldest first, one JSON object a line:"
          + " its seq, kind (topic or bus), target (the topic's ARN or the bus's name), id, at (the time) and"
          + " body (the notification or the event).",
      "",
      "Queues are read with SQS's own API: aws sqs receive-message --endpoint-url ..."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE})
final class MessagesCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "stepwise-data",
      description = "The data directory of stepwise serve (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--topic", paramLabel = "ARN", description = "Only this topic's messages (its ARN, or its name).")
  String topic;

  @Option(names = "--bus", paramLabel = "NAME", description = "Only this bus's events (default, or a bus's name or ARN).")
  String bus;

  @Option(names = "--after", paramLabel = "N", defaultValue = "0", description = "Only those after the N-th (to read on from where you stopped).")
  long after;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (topic != null && bus != null) {
      System.err.println("stepwise messages: give --topic or --bus, not both");
      return ExitCodes.USAGE;
    }
    Path file = data.resolve(MessagingDb.FILE);
    if (!Files.exists(file)) {
      System.err.println("stepwise messages: " + file + " does not exist: no local SNS topic or EventBridge bus has been used with --data " + data);
      return ExitCodes.USAGE;
    }
    String kind = topic != null ? Published.TOPIC : bus != null ? Published.BUS : null;
    String target = topic != null ? topic : bus != null ? busName(bus) : null;
    try (MessagingDb db = MessagingDb.open(data)) {
      List<Published.Entry> entries = Published.read(db, kind, null, after, Integer.MAX_VALUE);
      int shown = 0;
      for (Published.Entry e : entries) {
        if (target != null && !(e.target().equals(target) || e.target().endsWith(":" + target))) {
          continue;
        }
        if (shown++ == limit) {
          break;
        }
        var line = io.stepwise.asl.json.Json.NODES.objectNode();
        line.put("seq", e.seq()).put("kind", e.kind()).put("target", e.target()).put("id", e.id())
            .put("at", java.time.Instant.ofEpochMilli(e.at()).toString());
        try {
          line.set("body", io.stepwise.asl.json.Json.parse(e.body()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
          line.put("body", e.body());
        }
        System.out.println(io.stepwise.asl.json.Json.write(line));
      }
    }
    return ExitCodes.OK;
  }

  private static String busName(String nameOrArn) {
    int at = nameOrArn.indexOf(":event-bus/");
    return at > 0 ? nameOrArn.substring(at + ":event-bus/".length()) : nameOrArn;
  }
}
