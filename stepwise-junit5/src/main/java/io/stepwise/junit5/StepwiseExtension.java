package io.stepwise.junit5;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests (and their {@code @BeforeEach} methods, constructors and {@code @BeforeAll} methods)
 * a {@link Workflows}: one per test, closed with every engine it started when the test ends; one
 * asked for by a constructor or a {@code @BeforeAll} method lives for the class and is closed after
 * it. Closed here rather than left to JUnit's store, so that every JUnit 5 version closes it alike.
 */
public final class StepwiseExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StepwiseExtension.class);
  private static final String KEY = "workflows";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Workflows.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ClassLoader loader = context.getTestClass().map(Class::getClassLoader).orElseGet(() -> Thread.currentThread().getContextClassLoader());
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> new Workflows(loader), Workflows.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close(context);
  }

  private static void close(ExtensionContext context) {
    Workflows w = context.getStore(NAMESPACE).remove(KEY, Workflows.class);
    if (w != null) {
      w.close();
    }
  }
}
