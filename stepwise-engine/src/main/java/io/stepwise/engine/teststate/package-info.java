/**
 * TestState: one state run once, in isolation, with what each stage of its input and output
 * processing produced. No history, no timers: a Wait returns at once, a Retry that matches is
 * reported (RETRIABLE) rather than waited for, a Catch that matches is reported with the state it
 * leads to (CAUGHT_ERROR). A Task calls what the engine has registered for its resource, unless
 * the test mocks its result or its error.
 */
package io.stepwise.engine.teststate;
