package dev.vigil.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on a loopback port for the crawl tests: serves routes (captured fixtures,
 * misbehaviour on purpose) and keeps its own log of every request with its start and end time,
 * so that politeness is asserted from what the server saw.
 */
public final class LoopbackServer implements AutoCloseable {
  /** One request as the server saw it. */
  public record Hit(String path, String query, long startNanos, long endNanos, String userAgent,
      String ifNoneMatch, String ifModifiedSince) {}

  /** Answers one request. */
  public interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "loopback-server");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final List<Hit> hits = new ArrayList<>();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger maxActive = new AtomicInteger();

  private LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(pool);
    server.createContext("/", this::dispatch);
    server.start();
  }

  public static LoopbackServer start() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT} + path. */
  public String url(String path) {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
  }

  public LoopbackServer route(String path, Handler h) {
    routes.put(path, h);
    return this;
  }

  private void dispatch(HttpExchange ex) throws IOException {
    int now = active.incrementAndGet();
    maxActive.accumulateAndGet(now, Math::max);
    long start = System.nanoTime();
    try (ex) {
      Handler h = routes.get(ex.getRequestURI().getPath());
      if (h == null) {
        send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      } else {
        h.handle(ex);
      }
    } catch (IOException e) {
      // the client hung up (timeouts, cut-off bodies): expected in these tests
    } finally {
      active.decrementAndGet();
      synchronized (hits) {
        hits.add(new Hit(ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(), start, System.nanoTime(),
            ex.getRequestHeaders().getFirst("User-Agent"), ex.getRequestHeaders().getFirst("If-None-Match"),
            ex.getRequestHeaders().getFirst("If-Modified-Since")));
      }
    }
  }

  /** Every request so far, in the order they finished. */
  public List<Hit> hits() {
    synchronized (hits) {
      return new ArrayList<>(hits);
    }
  }

  public List<Hit> hits(String path) {
    return hits().stream().filter(h -> h.path().equals(path)).toList();
  }

  /** The most requests the server was handling at one moment. */
  public int maxConcurrent() {
    return maxActive.get();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  // ---- handlers

  public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public static Handler ok(String contentType, byte[] body) {
    return ex -> send(ex, 200, contentType, body);
  }

  public static Handler ok(String contentType, String body) {
    return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The body gzipped, with {@code Content-Encoding: gzip}. */
  public static Handler gzip(String contentType, byte[] body) {
    return ex -> {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(b)) {
        z.write(body);
      }
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      send(ex, 200, contentType, b.toByteArray());
    };
  }

  public static Handler status(int status) {
    return ex -> send(ex, status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8));
  }

  public static Handler redirect(int status, String location) {
    return ex -> {
      ex.getResponseHeaders().set("Location", location);
      send(ex, status, null, new byte[0]);
    };
  }

  /** Answers with {@code first} (with its headers) {@code times} times, then with {@code then}. */
  public static Handler failing(int times, int status, Map<String, String> headers, Handler then) {
    AtomicInteger n = new AtomicInteger();
    return ex -> {
      if (n.getAndIncrement() < times) {
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        send(ex, status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8));
      } else {
        then.handle(ex);
      }
    };
  }

  /** Waits {@code millis} before answering at all. */
  public static Handler slow(long millis, Handler then) {
    return ex -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      then.handle(ex);
    };
  }

  /** Sends a body that never ends (until the client hangs up, or 200 MB). */
  public static Handler endless() {
    return ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, 0);
      byte[] chunk = "<p>and on and on</p>\n".repeat(400).getBytes(StandardCharsets.UTF_8);
      try (OutputStream out = ex.getResponseBody()) {
        for (long sent = 0; sent < 200L << 20; sent += chunk.length) {
          out.write(chunk);
        }
      }
    };
  }

  /** Serves with an ETag and answers 304 when the client sends it back. */
  public static Handler conditional(String etag, String contentType, byte[] body) {
    return ex -> {
      ex.getResponseHeaders().set("ETag", etag);
      ex.getResponseHeaders().set("Last-Modified", "Tue, 19 Nov 2019 10:00:00 GMT");
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
      } else {
        send(ex, 200, contentType, body);
      }
    };
  }

  /** A fixture from src/test/resources. */
  public static byte[] fixture(String path) {
    try (InputStream in = LoopbackServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      byte[] bytes = in.readAllBytes();
      if (path.endsWith(".gz")) {
        try (InputStream z = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
          return z.readAllBytes();
        }
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text fixture with its real site's address replaced by this server's. */
  public byte[] fixture(String path, String realBase) {
    return new String(fixture(path), StandardCharsets.UTF_8).replace(realBase, url(""))
        .getBytes(StandardCharsets.UTF_8);
  }
}
