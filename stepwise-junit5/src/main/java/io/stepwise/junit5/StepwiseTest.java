package io.stepwise.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class (or method) whose tests take a {@link Workflows} parameter: state machines loaded,
 * mocked by state name and run in memory, closed after each test. The same as
 * {@code @ExtendWith(StepwiseExtension.class)}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(StepwiseExtension.class)
public @interface StepwiseTest {}
