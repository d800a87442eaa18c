package io.stepwise.server.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server-sent events client over java.net.http, as a browser's EventSource reads the stream: the
 * lines as they arrive, an event at each blank line (its {@code event:}, {@code id:} and {@code
 * data:} fields; comments left out), and the end of the body.
 */
final class SseStream implements AutoCloseable {
  record Event(String name, String id, String data) {}

  private static final Event EOF = new Event(null, null, null);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;
  private boolean ended;

  private SseStream(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = Thread.ofVirtual().start(this::read);
  }

  static SseStream open(URI uri, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    headers.forEach(b::header);
    return new SseStream(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofLines()));
  }

  /** A request answered before any stream: its status and text. */
  static HttpResponse<String> refused(URI uri, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void read() {
    String name = null, id = null;
    StringBuilder data = null;
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(name == null ? "message" : name, id, data.toString()));
          }
          name = null;
          id = null;
          data = null;
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).stripLeading());
        }
      }
    } catch (RuntimeException e) {
      // closed by the test
    } finally {
      events.add(EOF);
    }
  }

  /** The next event, waiting for it; null once the stream has ended. */
  Event next() throws InterruptedException {
    if (ended) {
      return null;
    }
    Event e = events.poll(30, TimeUnit.SECONDS);
    if (e == null) {
      throw new AssertionError("no event and no end within 30 s");
    }
    if (e == EOF) {
      ended = true;
      return null;
    }
    return e;
  }

  /** Every event until the stream ends. */
  List<Event> rest() throws InterruptedException {
    List<Event> all = new ArrayList<>();
    for (Event e = next(); e != null; e = next()) {
      all.add(e);
    }
    return all;
  }

  @Override
  public void close() {
    reader.interrupt();
    try {
      response.body().close();
    } catch (RuntimeException e) {
      // already closed
    }
  }
}
