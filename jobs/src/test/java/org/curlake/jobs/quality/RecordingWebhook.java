package org.curlake.jobs.quality;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on 127.0.0.1 that records the JSON bodies POSTed to it. */
public final class RecordingWebhook implements AutoCloseable {
  private final HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  public RecordingWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        if ("POST".equals(exchange.getRequestMethod())
            && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
          bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
        } else {
          exchange.sendResponseHeaders(400, -1);
        }
      }
      exchange.close();
    });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
