package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The task SPI: exact-ARN invokers, then handlers in the order added, then the fallback. */
class TaskHandlerTest {
  static final String PUT = "arn:aws:states:::dynamodb:putItem";
  static final String GET = "arn:aws:states:::dynamodb:getItem";

  /** A handler for what the predicate accepts, answering {"by": name}. */
  private static TaskHandler answering(String name, Predicate<ResourceArn> accepts) {
    return new TaskHandler() {
      @Override
      public boolean handles(ResourceArn resource, TaskRequest request) {
        return accepts.test(resource);
      }

      @Override
      public JsonNode invoke(ResourceArn resource, TaskRequest request) {
        return Json.NODES.objectNode().put("by", name);
      }
    };
  }

  private static TaskHandler dynamodb(String name) {
    return answering(name, r -> "dynamodb".equals(r.resourceType()));
  }

  private static ExecutionResult run(Engine engine, String resource) {
    return engine.run(Fixtures.machine("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","Parameters":{"k.$":"$.k"},"End":true}}}
        """.formatted(resource)), "{\"k\":1}", Fixtures.options());
  }

  @Test
  void aHandlerGetsTheResourceAsParsedAndTheRequest() {
    AtomicReference<ResourceArn> resource = new AtomicReference<>();
    AtomicReference<TaskRequest> request = new AtomicReference<>();
    TaskHandler h = new TaskHandler() {
      @Override
      public boolean handles(ResourceArn r, TaskRequest req) {
        return true;
      }

      @Override
      public JsonNode invoke(ResourceArn r, TaskRequest req) {
        resource.set(r);
        request.set(req);
        return req.input();
      }
    };
    ExecutionResult r = run(Fixtures.engine().handler(h).build(), PUT);
    assertThat(r.output()).isEqualTo(Json.NODES.objectNode().put("k", 1));
    assertThat(resource.get()).isEqualTo(ResourceArn.of(PUT));
    assertThat(request.get().resource()).isEqualTo(PUT);
    assertThat(request.get().stateName()).isEqualTo("T");
  }

  @Test
  void anExactInvokerComesFirstThenHandlersInTheOrderAddedThenTheFallback() {
    Engine engine = Fixtures.engine()
        .fallback(req -> Json.NODES.objectNode().put("by", "fallback"))
        .handler(answering("never", r -> false))
        .handler(dynamodb("first"))
        .handler(dynamodb("second"))
        .invoker(GET, req -> Json.NODES.objectNode().put("by", "invoker"))
        .build();
    assertThat(run(engine, GET).output().get("by").asText()).isEqualTo("invoker");
    assertThat(run(engine, PUT).output().get("by").asText()).isEqualTo("first");
    assertThat(run(engine, "arn:aws:states:::sqs:sendMessage").output().get("by").asText()).isEqualTo("fallback");
  }

  @Test
  void aTaskNoOneHandlesFailsNamingItsResource() {
    ExecutionResult r = run(Fixtures.engine().handler(dynamodb("d")).build(), "arn:aws:states:::sqs:sendMessage");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.TaskFailed");
    assertThat(r.cause()).isEqualTo("No handler is registered for the resource 'arn:aws:states:::sqs:sendMessage'");
  }

  @Test
  void whatAHandlerThrowsBecomesTheTasksErrorAsAnInvokersWould() {
    TaskHandler failing = new TaskHandler() {
      @Override
      public boolean handles(ResourceArn r, TaskRequest req) {
        return true;
      }

      @Override
      public JsonNode invoke(ResourceArn r, TaskRequest req) {
        if (r.resource().equals("putItem")) {
          throw new TaskFailure("DynamoDB.ConditionalCheckFailedException", "no");
        }
        throw new IllegalStateException("broken");
      }
    };
    Engine engine = Fixtures.engine().handler(failing).build();
    ExecutionResult put = run(engine, PUT);
    assertThat(put.error()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
    assertThat(put.cause()).isEqualTo("no");
    ExecutionResult get = run(engine, GET);
    assertThat(get.error()).isEqualTo("IllegalStateException");
    assertThat(get.cause()).isEqualTo("broken");
  }

  @Test
  void aCallbackTaskIsAnsweredByTheHandlerThatHandlesItElseWaitsForItsCallback() {
    String sqs = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    String def = """
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"%s","TimeoutSeconds":60,
          "Parameters":{"MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}""".formatted(sqs);
    Engine answered = Fixtures.engine().handler(answering("sqs", r -> "sqs".equals(r.resourceType()))).build();
    ExecutionResult r = answered.run(Fixtures.machine(def), "{}", Fixtures.options());
    assertThat(r.output()).isEqualTo(Json.NODES.objectNode().put("by", "sqs"));
    AtomicInteger invoked = new AtomicInteger();
    TaskHandler declines = new TaskHandler() {
      @Override
      public boolean handles(ResourceArn resource, TaskRequest request) {
        return false;
      }

      @Override
      public JsonNode invoke(ResourceArn resource, TaskRequest request) {
        invoked.incrementAndGet();
        return null;
      }
    };
    ExecutionResult waited = Fixtures.engine().handler(declines).build().run(Fixtures.machine(def), "{}", Fixtures.options());
    assertThat(waited.error()).isEqualTo("States.Timeout");
    assertThat(invoked).hasValue(0);
  }

  @Test
  void aHandlerThatRecursesWithoutEndFailsItsTaskWhichItsCatchTakesInsteadOfTheRunHanging() {
    String def = """
        {"StartAt":"Deep","States":{"Deep":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:deep:call",
          "Catch":[{"ErrorEquals":["StackOverflowError"],"ResultPath":"$.err","Next":"Caught"}],"End":true},
          "Caught":{"Type":"Pass","End":true}}}""";
    try (Engine engine = Fixtures.engine().invoker("arn:aws:states:::aws-sdk:deep:call", r -> recurse(0)).build()) {
      ExecutionResult r = engine.run(Fixtures.machine(def), "{}", Fixtures.options());
      assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(r.output().path("err").path("Error").asText()).isEqualTo("StackOverflowError");
    }
  }

  private static JsonNode recurse(int depth) {
    return depth < 0 ? null : recurse(depth + 1);
  }
}
