package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One case of a suite.
 *
 * @param name its name, unique in the suite
 * @param pointer where it is in the suite file (a JSON Pointer), for messages
 * @param input the execution's input
 * @param testCase the test case of the suite's mock configuration it runs with, or null (nothing mocked)
 * @param expect what it must end with
 */
public record SuiteCase(String name, String pointer, JsonNode input, String testCase, Expectation expect) {}
