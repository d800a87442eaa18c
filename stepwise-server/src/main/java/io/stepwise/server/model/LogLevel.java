package io.stepwise.server.model;

public enum LogLevel { ALL, ERROR, FATAL, OFF }
