package io.stepwise.server.protocol;

/** An operation a test controls, under a name of the API that the server does not implement. */
final class TestOperation implements Operation<String, Response> {
  interface Body {
    void run() throws Exception;
  }

  private final Body body;

  TestOperation(Body body) {
    this.body = body;
  }

  @Override
  public String name() {
    return "StartExecution";
  }

  @Override
  public String read(JsonInput input) {
    return "";
  }

  @Override
  public Response handle(String request, RequestContext context) {
    try {
      body.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out -> out.string("done", "yes");
  }
}
