package io.stepwise.cli.apibench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A lean AWS JSON 1.0 client for load: one kept-alive connection, requests written and answers
 * read by hand, so that a benchmark measures the server rather than an SDK's marshalling and
 * signing (the SDK's own cost is measured separately, with SfnClient). Not thread-safe: one per
 * caller.
 */
final class RawJsonClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String host;

  RawJsonClient(URI endpoint) throws IOException {
    socket = new Socket(endpoint.getHost(), endpoint.getPort());
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    host = endpoint.getHost() + ":" + endpoint.getPort();
  }

  /** POSTs one operation; returns the status, and the body into {@code body[0]}. */
  int call(String operation, String json, String[] body) throws IOException {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Target: AWSStepFunctions." + operation + "\r\nContent-Length: " + payload.length + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(payload);
    out.flush();
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    for (String h; !(h = line()).isEmpty(); ) {
      if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(h.substring(15).trim());
      }
    }
    if (length < 0) {
      throw new IOException("an answer without Content-Length: " + status);
    }
    byte[] b = in.readNBytes(length);
    if (body != null) {
      body[0] = new String(b, StandardCharsets.UTF_8);
    }
    return code;
  }

  private String line() throws IOException {
    StringBuilder s = new StringBuilder(64);
    for (int c; (c = in.read()) != -1; ) {
      if (c == '\n') {
        int n = s.length();
        return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
      }
      s.append((char) c);
    }
    throw new IOException("the server closed the connection");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
