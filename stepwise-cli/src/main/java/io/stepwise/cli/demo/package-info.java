/**
 * {@code stepwise demo}: Stepwise serving a ready-made application, the delivery assistant
 * (examples/delivery), with the services, workers and order generator around it.
 */
package io.stepwise.cli.demo;
