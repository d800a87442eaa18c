package io.stepwise.asl.validate;

/** A state name that a field (Next, Default, a rule's or catcher's Next) at {@code pointer} names. */
record Transition(String pointer, String field, String target) {}
