package io.stepwise.integrations;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.api.JsonApi;
import java.util.List;

/**
 * One service as {@code stepwise serve} runs it, local or remote: the task handlers that answer
 * its Task resources, the APIs its local stand-in serves on the Stepwise port (none when remote),
 * and what the log says of it. Made by {@link Integrations} from the service's settings.
 */
public interface Integration extends AutoCloseable {
  /** The service's key ({@code dynamodb}). */
  String service();

  List<TaskHandler> handlers();

  /** The APIs served on the Stepwise port; empty for a remote service. */
  default List<JsonApi> apis() {
    return List.of();
  }

  /** The query APIs (form-encoded, XML: SNS's) served on the Stepwise port; empty for a remote service. */
  default List<io.stepwise.integrations.api.QueryApi> queryApis() {
    return List.of();
  }

  /** One line for the log: {@code local (tables in stepwise-data/dynamodb.db)} or the endpoint. */
  String describe();

  /** Releases what it holds (files, worker processes, clients); called once, when the server stops. */
  @Override
  default void close() {}
}
