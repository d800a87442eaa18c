/**
 * The JSONata library binding: {@link io.stepwise.asl.jsonata.JsonataExpression} compiles one
 * expression on com.dashjoin:jsonata and evaluates it safely from any thread, with the functions
 * Step Functions adds, AWS's error causes, and bounds on time, depth and size ({@link
 * io.stepwise.asl.jsonata.JsonataLimits}). The ASL-facing fields built on it are in {@code
 * io.stepwise.asl.query}.
 */
package io.stepwise.asl.jsonata;
