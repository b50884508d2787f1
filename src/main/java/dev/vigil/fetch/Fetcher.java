package dev.vigil.fetch;

import dev.vigil.internal.Charsets;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Fetches URLs politely (see {@link FetchPolicy}): robots.txt is read once per site and obeyed
 * (its Crawl-delay too); requests to one host wait for the host's turn; 429, 5xx and network
 * errors are retried with exponential backoff and jitter, honouring Retry-After; redirects are
 * followed up to a limit and loops are refused; bodies are decompressed (gzip, deflate, br)
 * and cut at the maximum size. Thread-safe: one instance serves a whole process.
 */
public final class Fetcher {
  private static final Duration ROBOTS_TTL = Duration.ofHours(12);
  private static final Duration ROBOTS_FAILURE_TTL = Duration.ofMinutes(10);
  private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json,"
      + " application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

  private final FetchPolicy policy;
  private final HttpClient client;
  private final Map<String, HostGate> gates = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Robots>> robots = new ConcurrentHashMap<>();

  private record Robots(BaseRobotRules rules, long expiresNanos) {}

  /** One HTTP exchange as it came back (body already decompressed and capped). */
  private record Response(int status, HttpHeaders headers, byte[] body, boolean truncated) {
    Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  public Fetcher(FetchPolicy policy) {
    this.policy = policy;
    this.client = HttpClient.newBuilder()
        .connectTimeout(policy.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER) // followed here: limit, loops, robots per hop
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  public FetchPolicy policy() {
    return policy;
  }

  /**
   * Fetches {@code request.url()}, following redirects.
   *
   * @throws FetchException naming the URL and the reason: not http(s), disallowed by
   *     robots.txt, an HTTP error status (after retries), a network error or timeout (after
   *     retries), too many redirects or a redirect loop
   */
  public FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException {
    String url = request.url();
    Set<String> seen = new LinkedHashSet<>();
    List<String> redirects = new ArrayList<>();
    while (true) {
      URI uri = parse(url);
      seen.add(uri.toString());
      if (!rulesFor(uri).isAllowed(uri.toString())) {
        throw new FetchException(url, 0, "disallowed by " + origin(uri) + "/robots.txt");
      }
      int[] attempts = {0};
      Response r = sendPolitely(uri, request, policy.maxAttempts(), attempts);
      if (isRedirect(r.status())) {
        String next = nextHop(uri, r, redirects, seen);
        redirects.add(uri.toString());
        url = next;
        continue;
      }
      if (r.status() != 304 && (r.status() < 200 || r.status() >= 300)) {
        throw new FetchException(uri.toString(), r.status(), "HTTP " + r.status()
            + (attempts[0] > 1 ? " after " + attempts[0] + " attempts" : ""));
      }
      String contentType = r.header("Content-Type").orElse(null);
      return new FetchResult(request.url(), uri.toString(), r.status(), contentType,
          r.header("ETag").orElse(null), r.header("Last-Modified").orElse(null), r.body(),
          r.truncated(), Charsets.detect(r.body(), contentType), redirects, attempts[0]);
    }
  }

  private String nextHop(URI uri, Response r, List<String> redirects, Set<String> seen)
      throws FetchException {
    String location = r.header("Location").orElse(null);
    if (location == null || location.isBlank()) {
      throw new FetchException(uri.toString(), r.status(), "HTTP " + r.status() + " without a Location");
    }
    String next;
    try {
      next = uri.resolve(new URI(location.strip().replace(" ", "%20"))).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(uri.toString(), r.status(), "bad redirect Location '" + location + "'");
    }
    if (seen.contains(next)) {
      throw new FetchException(uri.toString(), r.status(), "redirect loop: "
          + String.join(" -> ", seen) + " -> " + next);
    }
    if (redirects.size() >= policy.maxRedirects()) {
      throw new FetchException(uri.toString(), r.status(), "more than " + policy.maxRedirects() + " redirects");
    }
    return next;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean isRetryable(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  static URI parse(String url) throws FetchException {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new FetchException(url, 0, "not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new FetchException(url, 0, "not an http(s) URL");
    }
    return uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri;
  }

  private static String origin(URI uri) {
    int port = uri.getPort();
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
        + (port < 0 ? "" : ":" + port);
  }

  private HostGate gate(URI uri) {
    return gates.computeIfAbsent(origin(uri),
        k -> new HostGate(policy.perHostConcurrency(), policy.hostDelay().toNanos()));
  }

  /** Sends with retries, each attempt waiting for the host's turn. */
  private Response sendPolitely(URI uri, FetchRequest conditional, int maxAttempts, int[] attempts)
      throws FetchException, InterruptedException {
    HostGate gate = gate(uri);
    for (int attempt = 1; ; attempt++) {
      attempts[0] = attempt;
      Response r = null;
      IOException error = null;
      gate.acquire();
      try {
        r = send(uri, conditional);
      } catch (IOException e) {
        error = e;
      } finally {
        gate.release();
      }
      if (r != null && !isRetryable(r.status())) {
        return r;
      }
      String what = r != null ? "HTTP " + r.status() : describe(error);
      if (attempt >= maxAttempts) {
        if (r != null) {
          return r; // the caller reports the status
        }
        throw new FetchException(uri.toString(), 0, what
            + (maxAttempts > 1 ? " after " + attempt + " attempts" : ""), error);
      }
      long waitNanos = backoffNanos(attempt);
      Long retryAfter = r == null ? null : retryAfterNanos(r.header("Retry-After").orElse(null));
      if (retryAfter != null) {
        if (retryAfter > policy.maxBackoff().toNanos()) {
          throw new FetchException(uri.toString(), r.status(), what + ": Retry-After "
              + r.header("Retry-After").orElse("") + " is longer than " + policy.maxBackoff().toSeconds()
              + " s; try later");
        }
        waitNanos = retryAfter;
      }
      gate.notBefore(System.nanoTime() + waitNanos);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "timed out (" + e.getMessage() + ")";
    }
    return "network error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  /** Exponential backoff with full jitter: uniform in [base * 2^(n-1) / 2, base * 2^(n-1)]. */
  private long backoffNanos(int attempt) {
    long cap = policy.maxBackoff().toNanos();
    long full = Math.min(cap, policy.backoffBase().toNanos() << Math.min(attempt - 1, 20));
    return full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
  }

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
  static Long retryAfterNanos(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      return TimeUnit.SECONDS.toNanos(Long.parseLong(v.length() > 9 ? "999999999" : v));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toNanos());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** One exchange; the whole of it (headers and body) must finish within the read timeout. */
  private Response send(URI uri, FetchRequest conditional) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(policy.readTimeout())
        .header("User-Agent", policy.userAgent())
        .header("Accept", ACCEPT)
        .header("Accept-Encoding", "gzip, deflate, br");
    if (conditional.etag() != null) {
      b.header("If-None-Match", conditional.etag());
    }
    if (conditional.lastModified() != null) {
      b.header("If-Modified-Since", conditional.lastModified());
    }
    CappedBody body = new CappedBody(policy.maxBodyBytes());
    CompletableFuture<HttpResponse<CappedBody>> future;
    try {
      future = client.sendAsync(b.GET().build(), info -> body.subscriber());
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot send: " + e.getMessage(), e);
    }
    HttpResponse<CappedBody> response;
    try {
      response = future.get(policy.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      body.cancel();
      future.cancel(true);
      throw new HttpTimeoutException("no complete response within " + policy.readTimeout().toSeconds() + " s");
    } catch (InterruptedException e) {
      body.cancel();
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(cause), cause);
    }
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity")
        .strip().toLowerCase(Locale.ROOT);
    byte[] raw = body.bytes();
    boolean truncated = body.truncated();
    if (!encoding.equals("identity") && raw.length > 0 && response.statusCode() != 304) {
      Decoded d = decode(raw, encoding, policy.maxBodyBytes());
      raw = d.bytes;
      truncated |= d.truncated;
    }
    return new Response(response.statusCode(), response.headers(), raw, truncated);
  }

  private record Decoded(byte[] bytes, boolean truncated) {}

  private static Decoded decode(byte[] raw, String encoding, long max) throws IOException {
    InputStream in = new ByteArrayInputStream(raw);
    in = switch (encoding) {
      case "gzip", "x-gzip" -> new GZIPInputStream(in);
      case "deflate" -> new InflaterInputStream(in);
      case "br" -> new BrotliInputStream(in);
      default -> throw new IOException("unsupported Content-Encoding: " + encoding);
    };
    try (InputStream decoded = in) {
      byte[] bytes = decoded.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      return bytes.length > max ? new Decoded(Arrays.copyOf(bytes, (int) max), true)
          : new Decoded(bytes, false);
    } catch (EOFException e) {
      throw new IOException("compressed body ends early (" + encoding + ")", e);
    }
  }

  // ---- robots.txt

  private BaseRobotRules rulesFor(URI uri) throws InterruptedException {
    String origin = origin(uri);
    while (true) {
      CompletableFuture<Robots> mine = new CompletableFuture<>();
      CompletableFuture<Robots> existing = robots.putIfAbsent(origin, mine);
      if (existing == null) {
        try {
          mine.complete(fetchRobots(uri));
        } catch (RuntimeException | InterruptedException e) {
          robots.remove(origin, mine);
          mine.completeExceptionally(e);
          throw e;
        }
        return mine.join().rules();
      }
      Robots r;
      try {
        r = existing.get();
      } catch (ExecutionException e) {
        continue; // the fetching thread failed; try again ourselves
      }
      if (System.nanoTime() - r.expiresNanos() < 0) {
        return r.rules();
      }
      robots.remove(origin, existing);
    }
  }

  private Robots fetchRobots(URI site) throws InterruptedException {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser(policy.maxCrawlDelay().toMillis(), 20);
    URI uri = site.resolve("/robots.txt");
    BaseRobotRules rules;
    Duration ttl = ROBOTS_TTL;
    try {
      Set<String> seen = new LinkedHashSet<>();
      List<String> redirects = new ArrayList<>();
      int[] attempts = {0};
      Response r = sendPolitely(uri, FetchRequest.of(uri.toString()), 1, attempts);
      while (isRedirect(r.status())) {
        seen.add(uri.toString());
        uri = parse(nextHop(uri, r, redirects, seen));
        redirects.add(uri.toString());
        r = sendPolitely(uri, FetchRequest.of(uri.toString()), 1, attempts);
      }
      if (r.status() >= 200 && r.status() < 300) {
        rules = parser.parseContent(uri.toString(), r.body(),
            r.header("Content-Type").orElse("text/plain"), List.of(FetchPolicy.ROBOT_NAME));
      } else {
        rules = parser.failedFetch(r.status()); // 4xx: allow all; 5xx: wait and see
        if (r.status() >= 500) {
          ttl = ROBOTS_FAILURE_TTL;
        }
      }
    } catch (FetchException e) {
      rules = parser.failedFetch(404); // unreachable robots.txt: the page fetch reports the network error
      ttl = ROBOTS_FAILURE_TTL;
    }
    long crawlDelay = rules.getCrawlDelay();
    if (crawlDelay > 0) {
      gate(site).atLeast(TimeUnit.MILLISECONDS.toNanos(Math.min(crawlDelay, policy.maxCrawlDelay().toMillis())));
    }
    return new Robots(rules, System.nanoTime() + ttl.toNanos());
  }

  /**
   * Collects a body up to {@code max} bytes, then cancels the stream: an endless or huge
   * response costs at most {@code max} bytes of memory.
   */
  private static final class CappedBody {
    private final long max;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private volatile boolean truncated;

    CappedBody(long max) {
      this.max = max;
    }

    HttpResponse.BodySubscriber<CappedBody> subscriber() {
      CompletableFuture<CappedBody> done = new CompletableFuture<>();
      return new HttpResponse.BodySubscriber<>() {
        @Override
        public CompletionStage<CappedBody> getBody() {
          return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
          subscription = s;
          s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
          if (done.isDone()) {
            return;
          }
          synchronized (out) {
            for (ByteBuffer buf : buffers) {
              int room = (int) Math.min(buf.remaining(), max - out.size());
              byte[] chunk = new byte[room];
              buf.get(chunk);
              out.write(chunk, 0, room);
              if (buf.hasRemaining()) {
                truncated = true;
              }
            }
          }
          if (truncated) {
            subscription.cancel();
            done.complete(CappedBody.this);
          }
        }

        @Override
        public void onError(Throwable t) {
          done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
          done.complete(CappedBody.this);
        }
      };
    }

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    boolean truncated() {
      return truncated;
    }

    byte[] bytes() {
      synchronized (out) {
        return out.toByteArray();
      }
    }
  }
}
