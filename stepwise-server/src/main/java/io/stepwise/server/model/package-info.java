/** The values of the API that the registry stores and the operations exchange. */
package io.stepwise.server.model;
