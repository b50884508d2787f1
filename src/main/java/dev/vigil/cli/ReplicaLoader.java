package dev.vigil.cli;

import dev.vigil.corpus.CorpusArticle;
import dev.vigil.corpus.CorpusReplicator;
import dev.vigil.corpus.TehranTimesCorpus;
import dev.vigil.extract.ExtractionException;
import dev.vigil.extract.Extractor;
import dev.vigil.geo.Gazetteer;
import dev.vigil.geo.Place;
import dev.vigil.internal.Json;
import dev.vigil.kb.ActorBase;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.EntityMention;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.PlaceMention;
import dev.vigil.model.RawDocument;
import dev.vigil.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Fills a store with replicated articles ({@link CorpusReplicator}) through the extract, store
 * and index stages, without the annotator: the names the replicator put in become the
 * articles' entities and places, so entity and place searches and facets have data. Used by
 * the scale, search and latency benchmarks.
 */
final class ReplicaLoader {
  static final int BATCH = 256;
  /** Cities smaller than this are not used as replacement names (they would rarely be news). */
  private static final long MIN_CITY_POPULATION = 100_000;
  /** The years the Tehran Times crawl covers (its files carry no dates). */
  private static final LocalDate FIRST = LocalDate.of(2003, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2005, 12, 31);

  /** Time spent per stage, summed over the articles loaded (nanoseconds). */
  record Times(long articles, long generateNanos, long extractNanos, long databaseNanos, long indexNanos,
      long wallNanos, long producerCpuNanos, long writerCpuNanos) {}

  private final CorpusReplicator replicator;
  private final Extractor extractor;

  ReplicaLoader(CorpusReplicator replicator, Extractor extractor) {
    this.replicator = replicator;
    this.extractor = extractor;
  }

  CorpusReplicator replicator() {
    return replicator;
  }

  /** A replicator over the Tehran Times archive, or over the bundled demo corpus when null. */
  static CorpusReplicator replicator(Path tehranTimes, long seed) throws IOException {
    List<CorpusArticle> sources = new ArrayList<>();
    if (tehranTimes != null) {
      TehranTimesCorpus.read(tehranTimes, sources::add);
    } else {
      sources.addAll(demoCorpus());
    }
    List<Place> places = Gazetteer.bundled().places().stream()
        .filter(p -> !p.kind().equals("city") || p.population() >= MIN_CITY_POPULATION)
        .toList();
    return new CorpusReplicator(sources, ActorBase.bundled().actors(), places, FIRST, LAST, seed);
  }

  /** The bundled demo corpus (600 Tehran Times articles). */
  @SuppressWarnings("unchecked")
  static List<CorpusArticle> demoCorpus() throws IOException {
    List<CorpusArticle> out = new ArrayList<>();
    try (InputStream in = ReplicaLoader.class.getResourceAsStream("/demo/tehran-times-demo.jsonl.gz")) {
      if (in == null) {
        throw new IOException("the demo corpus is missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        Map<String, Object> m = Json.read(line, Map.class);
        out.add(new CorpusArticle((String) m.get("id"), (String) m.get("url"), (String) m.get("title"),
            (String) m.get("text"), (String) m.get("source")));
      }
    }
    return out;
  }

  /** Replica {@code n} extracted and annotated with the names put in; null if extraction fails. */
  AnalyzedArticle article(long n) {
    return analyze(replicator.replica(n), extractor);
  }

  /** The replica as the ingest stage would read it from a {@code .jsonl} record. */
  static RawDocument rawDocument(CorpusReplicator.Replica replica) {
    CorpusArticle c = replica.article();
    return new RawDocument("replica:" + c.id(), null, RawDocument.Format.TEXT,
        c.text().getBytes(StandardCharsets.UTF_8),
        new RawDocument.Given(c.id(), c.url(), c.title(), c.source(), replica.published().toString()));
  }

  static AnalyzedArticle analyze(CorpusReplicator.Replica replica, Extractor extractor) {
    CorpusArticle c = replica.article();
    String published = replica.published().toString();
    RawDocument doc = rawDocument(replica);
    ExtractedArticle ex;
    try {
      ex = extractor.extract(doc);
    } catch (ExtractionException e) {
      return null;
    }
    String language = ex.language() != null ? ex.language() : "en";
    Article article = new Article(c.id(), c.url(), c.source(), c.title(), null, published, language,
        ex.text(), doc.origin(), Instant.now());
    List<EntityMention> entities = new ArrayList<>();
    List<PlaceMention> places = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String text = ex.text();
    for (CorpusReplicator.Mention m : replica.mentions()) {
      if (!seen.add(m.text())) {
        continue;
      }
      for (int at = text.indexOf(m.text()); at >= 0; at = text.indexOf(m.text(), at + 1)) {
        int end = at + m.text().length();
        if ((at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)))
            || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)))) {
          continue;
        }
        if (m.actor() != null) {
          entities.add(new EntityMention(m.text(), m.actor().entityType(), m.actor().id(), m.actor().name(), at, end));
        } else {
          Place p = m.place();
          places.add(new PlaceMention(m.text(), p.name(), p.kind(), p.country(), p.lat(), p.lon(),
              p.radiusKm(), at, end));
        }
      }
    }
    Annotations annotations = Annotations.empty(language).withEntities(entities).withPlaces(places);
    return new AnalyzedArticle(article, annotations);
  }

  /**
   * Loads replicas {@code [from, to)} into {@code store}: one thread makes and extracts them
   * into a bounded queue (back-pressure keeps memory flat), the calling thread writes batches
   * of {@value #BATCH} (one transaction each) and indexes them.
   *
   * @param progress told the number of articles stored so far in this call
   */
  Times load(Store store, long from, long to, LongConsumer progress) throws InterruptedException {
    BlockingQueue<List<AnalyzedArticle>> queue = new ArrayBlockingQueue<>(4);
    AtomicLong generate = new AtomicLong();
    AtomicLong extract = new AtomicLong();
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    List<AnalyzedArticle> end = List.of();
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    AtomicLong producerCpu = new AtomicLong();
    Thread producer = new Thread(() -> {
      long cpu0 = cpu.getCurrentThreadCpuTime();
      try {
        List<AnalyzedArticle> batch = new ArrayList<>(BATCH);
        for (long n = from; n < to; n++) {
          long t0 = System.nanoTime();
          CorpusReplicator.Replica r = replicator.replica(n);
          long t1 = System.nanoTime();
          AnalyzedArticle a = analyze(r, extractor);
          extract.addAndGet(System.nanoTime() - t1);
          generate.addAndGet(t1 - t0);
          if (a != null) {
            batch.add(a);
          }
          if (batch.size() == BATCH) {
            queue.put(batch);
            batch = new ArrayList<>(BATCH);
          }
        }
        if (!batch.isEmpty()) {
          queue.put(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failed.set(e);
      } finally {
        producerCpu.set(cpu.getCurrentThreadCpuTime() - cpu0);
        try {
          queue.put(end);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the writer has given up
        }
      }
    }, "vigil-replicas");
    producer.setDaemon(true);
    long started = System.nanoTime();
    long writerCpu0 = cpu.getCurrentThreadCpuTime();
    producer.start();
    long database = 0;
    long index = 0;
    long stored = 0;
    try {
      for (List<AnalyzedArticle> batch; (batch = queue.take()) != end; ) {
        long t0 = System.nanoTime();
        store.articles().write(batch);
        long t1 = System.nanoTime();
        store.refreshIndex(); // as the ingest pipeline does
        index += System.nanoTime() - t1;
        database += t1 - t0;
        stored += batch.size();
        progress.accept(stored);
      }
      long t1 = System.nanoTime();
      store.catchUpIndex(n -> {});
      index += System.nanoTime() - t1;
    } finally {
      producer.interrupt();
    }
    producer.join();
    if (failed.get() != null) {
      throw failed.get();
    }
    long writerCpu = cpu.getCurrentThreadCpuTime() - writerCpu0;
    return new Times(stored, generate.get(), extract.get(), database, index, System.nanoTime() - started,
        producerCpu.get(), writerCpu);
  }
}
