/**
 * The Step Functions API server. {@link io.stepwise.server.Server} serves it; {@code protocol}
 * is AWS JSON 1.0 (routing, reading and writing bodies, errors); {@code operations} are the API's
 * operations, a package per resource; {@code registry} is where state machines, versions,
 * aliases, activities and tags are kept; {@code arn} reads and makes ARNs and checks names;
 * {@code model} holds the values they exchange.
 */
package io.stepwise.server;
