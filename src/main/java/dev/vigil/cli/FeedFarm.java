package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.internal.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * For {@code vigil bench feeds}: many news sites on loopback ports, each serving feeds (RSS 2.0,
 * Atom and JSON Feed in turn, with ETags and 304s) and article pages whose text is drawn from
 * the bundled Tehran Times sample. Feeds publish new items while the benchmark runs, some
 * often, most rarely; each site counts how many requests it was handling at once.
 */
final class FeedFarm implements AutoCloseable {
  private static final int ITEMS_PER_FEED = 20;
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<Site> sites = new ArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
    Thread t = new Thread(r, "feed-farm");
    t.setDaemon(true);
    return t;
  });
  private final List<String> sentences; // of the bundled Tehran Times sample
  private final Map<String, Long> published = new ConcurrentHashMap<>(); // item URL -> nanoTime
  private final AtomicLong nextItem = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final Random random = new Random(42);

  /** One item of a feed. */
  private record Item(long id, String url, Instant at) {}

  /** One loopback site: its feeds and its count of concurrent requests. */
  private final class Site {
    final String base;
    final List<Deque<Item>> feeds = new ArrayList<>();
    final List<AtomicInteger> versions = new ArrayList<>();
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger maxActive = new AtomicInteger();

    Site(String base) {
      this.base = base;
    }
  }

  FeedFarm(int hosts, int feeds) throws IOException {
    this.sentences = loadSentences();
    for (int h = 0; h < hosts; h++) {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      Site site = new Site("http://127.0.0.1:" + server.getAddress().getPort());
      server.setExecutor(pool);
      server.createContext("/", ex -> serve(site, ex));
      server.start();
      servers.add(server);
      sites.add(site);
    }
    for (int f = 0; f < feeds; f++) {
      Site site = sites.get(f % hosts);
      Deque<Item> items = new ArrayDeque<>();
      for (int i = 0; i < ITEMS_PER_FEED; i++) {
        items.addFirst(newItem(site));
      }
      site.feeds.add(items);
      site.versions.add(new AtomicInteger(1));
    }
  }

  /** Every feed's URL. */
  List<String> feedUrls() {
    List<String> urls = new ArrayList<>();
    for (Site s : sites) {
      for (int i = 0; i < s.feeds.size(); i++) {
        urls.add(s.base + "/feeds/" + i + (i % 3 == 0 ? ".xml" : i % 3 == 1 ? ".atom" : ".json"));
      }
    }
    return urls;
  }

  /**
   * Publishes: each feed gets new items with probability {@code busyShare} of being a busy
   * feed (half its polls find news) or else rarely (one in twenty).
   *
   * @return how many items were published
   */
  synchronized int publish(double busyShare) {
    int n = 0;
    int feedNo = 0;
    for (Site s : sites) {
      for (int i = 0; i < s.feeds.size(); i++, feedNo++) {
        boolean busy = (feedNo % 100) < busyShare * 100;
        if (random.nextDouble() < (busy ? 0.5 : 0.05)) {
          Deque<Item> items = s.feeds.get(i);
          synchronized (items) {
            int k = 1 + random.nextInt(3);
            for (int j = 0; j < k; j++) {
              items.addFirst(newItem(s));
              if (items.size() > ITEMS_PER_FEED) {
                items.removeLast();
              }
            }
            s.versions.get(i).incrementAndGet();
          }
          n++;
        }
      }
    }
    return n;
  }

  /** When an item URL was published (nanoTime), or null; forgets it (asked once per item). */
  Long takePublishedAt(String url) {
    return published.remove(url);
  }

  /** The most requests any one site was handling at once. */
  int maxConcurrentPerHost() {
    return sites.stream().mapToInt(s -> s.maxActive.get()).max().orElse(0);
  }

  long requests() {
    return requests.get();
  }

  private Item newItem(Site site) {
    long id = nextItem.incrementAndGet();
    String url = site.base + "/news/" + id;
    published.put(url, System.nanoTime());
    return new Item(id, url, Instant.now());
  }

  private void serve(Site site, HttpExchange ex) throws IOException {
    int now = site.active.incrementAndGet();
    site.maxActive.accumulateAndGet(now, Math::max);
    requests.incrementAndGet();
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.startsWith("/feeds/")) {
        String name = path.substring("/feeds/".length());
        int i = Integer.parseInt(name.substring(0, name.indexOf('.')));
        Deque<Item> items = site.feeds.get(i);
        String etag = "\"v" + site.versions.get(i).get() + "\"";
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          ex.getResponseHeaders().set("ETag", etag);
          ex.sendResponseHeaders(304, -1);
          return;
        }
        List<Item> snapshot;
        synchronized (items) {
          snapshot = new ArrayList<>(items);
        }
        ex.getResponseHeaders().set("ETag", etag);
        String body = name.endsWith(".xml") ? rss(site, i, snapshot) : name.endsWith(".atom") ? atom(site, i, snapshot)
            : jsonFeed(site, i, snapshot);
        send(ex, 200, name.endsWith(".json") ? "application/feed+json" : "application/xml; charset=utf-8", body);
      } else if (path.startsWith("/news/")) {
        long id = Long.parseLong(path.substring("/news/".length()));
        send(ex, 200, "text/html; charset=utf-8", page(site.base + path, id));
      } else {
        send(ex, 404, "text/plain", "not found");
      }
    } catch (RuntimeException e) {
      send(ex, 400, "text/plain", "bad request");
    } finally {
      site.active.decrementAndGet();
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String title(long id) {
    String p = sentences.get((int) (id * 7919 % sentences.size()));
    String[] words = p.split("\\s+");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(9, words.length))) + " (" + id + ")";
  }

  /** Five sentences of four sentences drawn at random: distinct pages, as a feed's are. */
  private String page(String url, long id) {
    Random r = new Random(id);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      body.append("<p>");
      for (int k = 0; k < 4; k++) {
        body.append(escape(sentences.get(r.nextInt(sentences.size())))).append(' ');
      }
      body.append("</p>\n");
    }
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title(id))
        + "</title><link rel=\"canonical\" href=\"" + url + "\"><meta property=\"og:type\" content=\"article\">"
        + "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + escape(title(id)) + "</h1>\n" + body
        + "</article><footer>Loopback news</footer></body></html>";
  }

  private String rss(Site site, int feed, List<Item> items) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Feed ")
        .append(feed).append("</title><link>").append(site.base).append("/</link><description>Loopback</description>\n");
    for (Item i : items) {
      b.append("<item><title>").append(escape(title(i.id()))).append("</title><link>").append(i.url())
          .append("</link><guid>").append(i.url()).append("</guid><pubDate>").append(RFC_1123.format(i.at()))
          .append("</pubDate></item>\n");
    }
    return b.append("</channel></rss>\n").toString();
  }

  private String atom(Site site, int feed, List<Item> items) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Feed ")
        .append(feed).append("</title><id>").append(site.base).append("/feeds/").append(feed)
        .append("</id><updated>").append(Instant.now()).append("</updated>\n");
    for (Item i : items) {
      b.append("<entry><title>").append(escape(title(i.id()))).append("</title><link rel=\"alternate\" href=\"")
          .append(i.url()).append("\"/><id>").append(i.url()).append("</id><updated>").append(i.at())
          .append("</updated></entry>\n");
    }
    return b.append("</feed>\n").toString();
  }

  private String jsonFeed(Site site, int feed, List<Item> items) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Item i : items) {
      list.add(Map.of("id", i.url(), "url", i.url(), "title", title(i.id()), "date_published", i.at().toString()));
    }
    return Json.write(Map.of("version", "https://jsonfeed.org/version/1.1", "title", "Feed " + feed,
        "home_page_url", site.base + "/", "items", list));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static List<String> loadSentences() throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = FeedFarm.class.getResourceAsStream("/demo/tehran-times-demo.jsonl.gz");
         BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = Json.mapper().readTree(line);
        for (String sentence : n.path("text").asText().split("(?<=[.!?])\\s+")) {
          if (sentence.length() > 40) {
            out.add(sentence.strip());
          }
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    pool.shutdownNow();
  }
}
