package io.stepwise.server.logs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/** Where execution log lines go in place of CloudWatch Logs: called on the one writer thread. */
public interface LogDestination extends AutoCloseable {
  void write(String logGroupArn, String line) throws IOException;

  /** Called when no more lines are waiting: what is written is made visible. */
  void flush() throws IOException;

  @Override
  void close() throws IOException;

  /** Every line to the stream (standard output), whatever its log group. */
  static LogDestination stream(PrintStream out) {
    return new LogDestination() {
      @Override
      public void write(String logGroupArn, String line) {
        out.println(line);
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() {
        out.flush();
      }
    };
  }

  /**
   * One file per log group in the directory, named after the group (the name in its ARN, a slash
   * made an underscore: {@code /aws/vendedlogs/states/orders} goes to {@code _aws_vendedlogs_states_orders.log}),
   * lines appended.
   */
  static LogDestination directory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the execution log directory " + dir, e);
    }
    return new LogDestination() {
      private final Map<String, BufferedWriter> files = new HashMap<>();

      @Override
      public void write(String logGroupArn, String line) throws IOException {
        BufferedWriter w = files.get(logGroupArn);
        if (w == null) {
          w = Files.newBufferedWriter(dir.resolve(fileName(logGroupArn)), StandardCharsets.UTF_8,
              StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
          files.put(logGroupArn, w);
        }
        w.write(line);
        w.write('\n');
      }

      @Override
      public void flush() throws IOException {
        for (BufferedWriter w : files.values()) {
          w.flush();
        }
      }

      @Override
      public void close() throws IOException {
        for (BufferedWriter w : files.values()) {
          w.close();
        }
        files.clear();
      }
    };
  }

  /** The log group's name in {@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]}, safe as a file name. */
  static String fileName(String logGroupArn) {
    String name = logGroupArn;
    int at = logGroupArn.indexOf(":log-group:");
    if (at >= 0) {
      name = logGroupArn.substring(at + ":log-group:".length());
      if (name.endsWith(":*")) {
        name = name.substring(0, name.length() - 2);
      }
    }
    return name.replaceAll("[^A-Za-z0-9._#-]", "_") + ".log";
  }
}
