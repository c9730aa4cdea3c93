package io.pqzk.fhir.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * The facade's request log: one line per request with the time, the method, the path with every
 * id replaced by {@code {id}} and no query string (a patient's id never reaches the file), the
 * status, and the access event the request wrote, if any. Jetty's NCSA log would write the
 * whole request line, so it is not used.
 */
public final class RedactedRequestLog implements RequestLog, AutoCloseable {
  private final java.io.Writer out;

  public RedactedRequestLog(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** {@code /fhir/Patient/123/$everything} as {@code /fhir/Patient/{id}/$everything}. */
  public static String redact(String path) {
    String[] parts = path.split("/", -1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      boolean id = i >= 3 && !p.startsWith("$") && !p.isEmpty() && !"_history".equals(p);
      if (i > 0) {
        b.append('/');
      }
      b.append(id ? "{id}" : p.replaceAll("[^A-Za-z0-9$_.-]", "?"));
    }
    return b.toString();
  }

  @Override
  public void log(Request request, Response response) {
    Object event = request.getAttribute(FacadeReads.EVENT_ATTRIBUTE);
    String line = Instant.now() + " " + request.getMethod() + " "
        + redact(request.getHttpURI().getPath()) + " " + response.getStatus()
        + (event == null ? "" : " event " + event) + "\n";
    synchronized (out) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        // a failing log line must not fail the request: the chain holds the events anyway
      }
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (out) {
      out.close();
    }
  }
}
