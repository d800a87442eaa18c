package io.stepwise.server.model;

/** A resource tag; keys are unique per resource. */
public record Tag(String key, String value) {}
