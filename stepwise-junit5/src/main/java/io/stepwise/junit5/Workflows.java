package io.stepwise.junit5;

import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.DefinitionException;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.testing.SuiteParser;
import io.stepwise.testing.SuiteResult;
import io.stepwise.testing.SuiteRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * A test's state machines: {@link #load} one (from the classpath or a file) or {@link #define} one,
 * mock its Task states and run it. Given to a test by {@link StepwiseExtension}, which closes it
 * (and every engine its runs started) when the test ends.
 */
public final class Workflows implements AutoCloseable {
  /** Definitions are loaded once per JVM: a loaded machine is immutable, and validating it again in every test only costs time. */
  private static final Map<String, StateMachine> LOADED = new ConcurrentHashMap<>();

  private final ClassLoader loader;
  private final List<Engine> engines = new ArrayList<>();
  private boolean closed;

  /** Workflows whose {@link #load(String)} looks on this class loader's classpath first. */
  public Workflows(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * The definition at this classpath resource ("order.asl.json", "flows/order.asl.json"), else at
   * this file path. Its state machine is named after the file, without .asl.json or .json.
   */
  public Workflow load(String resourceOrPath) {
    String resource = resourceOrPath.startsWith("/") ? resourceOrPath.substring(1) : resourceOrPath;
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in != null) {
        return workflow(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource, baseName(resource));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the classpath resource " + resource, e);
    }
    Path file = Path.of(resourceOrPath);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no definition " + resourceOrPath + ": neither a classpath resource nor a file");
    }
    return load(file);
  }

  /** The definition in this file. */
  public Workflow load(Path file) {
    try {
      return workflow(Files.readString(file, StandardCharsets.UTF_8), file.toString(), baseName(file.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the definition " + file, e);
    }
  }

  /** A definition given as its JSON text; its state machine is named "StateMachine" unless {@link Workflow#named renamed}. */
  public Workflow define(String definitionJson) {
    return workflow(definitionJson, "the definition given", "StateMachine");
  }

  /**
   * A suite file of {@code stepwise test} (docs/testing.md) as dynamic tests, one per case, for a
   * {@code @TestFactory} method: {@code return workflows.suite("order-suite.yaml");}. The suite is
   * checked whole first (a malformed one fails the factory with every problem) and its cases run
   * at once; each test then passes or fails with its case's differences.
   */
  public Stream<DynamicTest> suite(String resourceOrPath) {
    Path file = locate(resourceOrPath);
    SuiteResult result;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("these Workflows are closed: a Workflows lives for the test it was given to");
      }
    }
    result = new SuiteRunner().run(SuiteParser.parse(file));
    return result.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      if (!c.passed()) {
        throw new AssertionFailedError(c.text());
      }
    }));
  }

  /** A classpath resource in a folder (not inside a jar: a suite's paths are relative to its folder), else a file. */
  private Path locate(String resourceOrPath) {
    URL url = loader.getResource(resourceOrPath.startsWith("/") ? resourceOrPath.substring(1) : resourceOrPath);
    if (url != null && url.getProtocol().equals("file")) {
      try {
        return Path.of(url.toURI());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("cannot use the classpath resource " + url, e);
      }
    }
    Path file = Path.of(resourceOrPath);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no suite " + resourceOrPath + ": neither a classpath resource in a folder nor a file");
    }
    return file;
  }

  private Workflow workflow(String text, String source, String name) {
    StateMachine machine = LOADED.get(text);
    if (machine == null) {
      try {
        machine = StateMachineParser.parse(text);
      } catch (DefinitionException e) {
        throw new IllegalArgumentException(source + " is not a valid definition:\n"
            + e.problems().stream().map(p -> "  " + p).collect(Collectors.joining("\n")), e);
      }
      LOADED.put(text, machine);
    }
    return new Workflow(this, machine, name);
  }

  /** An engine for one run, closed with these workflows. */
  synchronized Engine.Builder engine() {
    if (closed) {
      throw new IllegalStateException("these Workflows are closed: a Workflows lives for the test it was given to");
    }
    return Engine.builder().fastTime(true);
  }

  synchronized void opened(Engine engine) {
    engines.add(engine);
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** Closes every engine the runs started; later runs are refused. */
  @Override
  public synchronized void close() {
    closed = true;
    engines.forEach(Engine::close);
    engines.clear();
  }

  private static String baseName(String resource) {
    String n = resource.substring(resource.lastIndexOf('/') + 1);
    for (String ext : List.of(".asl.json", ".json")) {
      if (n.endsWith(ext)) {
        return n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }
}
