package io.stepwise.cli.apibench;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.integrations.s3.S3Integration;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.store.ExecutionRow;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * A Distributed Map at size (not a unit test): N CSV rows in a local bucket, read by an ItemReader,
 * each row a child execution (Express by default), at most MaxConcurrency at once, the results
 * written by a ResultWriter to the bucket; on a SQLite-backed runtime as {@code stepwise serve}
 * runs it. Prints the items per second and the peak heap. Usage: {@code MapScale [rows]
 * [maxConcurrency] [EXPRESS|STANDARD]}.
 */
public final class MapScale {
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    String type = args.length > 2 ? args[2] : "EXPRESS";
    Path data = Files.createTempDirectory("stepwise-mapscale");
    Path bucket = Files.createDirectories(data.resolve("s3/items"));
    StringBuilder csv = new StringBuilder("order,sku,qty\n");
    for (int i = 0; i < rows; i++) {
      csv.append("o").append(i).append(",sku-").append(i % 97).append(',').append(1 + i % 5).append('\n');
    }
    Files.writeString(bucket.resolve("orders.csv"), csv);
    StateMachine machine = StateMachineParser.parse("""
        {"StartAt":"Lines","States":{"Lines":{"Type":"Map","MaxConcurrency":%d,
          "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
                        "Parameters":{"Bucket":"items","Key":"orders.csv"}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"%s"},"StartAt":"Check","States":{
            "Check":{"Type":"Choice","Choices":[{"Variable":"$.qty","StringEquals":"5","Next":"Big"}],"Default":"Small"},
            "Big":{"Type":"Pass","Result":{"size":"big"},"ResultPath":"$.size","End":true},
            "Small":{"Type":"Pass","Result":{"size":"small"},"ResultPath":"$.size","End":true}}},
          "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"items","Prefix":"results"}},
          "End":true}}}""".formatted(concurrency, type));
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    try (Engine engine = Engine.builder().handler(S3Integration.localHandler(data.resolve("s3"))).build()) {
      ExecutionBackend backend = ExecutionBackend.open(data, engine, InstantSource.system());
      backend.keep(machine);
      long t0 = System.nanoTime();
      String arn = backend.runtime().start(machine, RunOptions.defaults().withNames("lines", "run"), Json.parse("{}")).executionArn();
      ExecutionRow row;
      while ((row = backend.store().execution(arn).orElseThrow()).status() == ExecutionStatus.RUNNING) {
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf("{\"rows\":%d,\"max_concurrency\":%d,\"children\":\"%s\",\"status\":\"%s\",\"seconds\":%.2f,\"items_per_s\":%.0f,"
              + "\"peak_heap_mb\":%d,\"output\":%s}%n", rows, concurrency, type, row.status(), seconds, rows / seconds, peak >> 20,
          row.output() == null ? "\"" + row.error() + ": " + row.cause() + "\"" : row.output());
      backend.close();
    }
  }
}
