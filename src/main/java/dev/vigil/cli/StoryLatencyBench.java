package dev.vigil.cli;

import dev.vigil.corpus.CorpusArticle;
import dev.vigil.corpus.TehranTimesCorpus;
import dev.vigil.internal.FileTrees;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.store.Store;
import dev.vigil.stories.StoryClusterer;
import dev.vigil.stories.StoryUpdater;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code vigil bench stories --stored N}: how long after ingest an article is searchable and in
 * its story when the store already holds N articles.
 *
 * <p>The bulk is the Tehran Times corpus replicated: round 0 is the corpus itself, round r
 * repeats every article with id {@code <id>-r<r>}, its (estimated) date moved r x 9 days later
 * and its r-th sentence dropped, so that no two copies are the same text. Bulk articles within
 * the candidate window of the measured ones are assigned to stories by the same clusterer on
 * TF-IDF alone (MiniLM for 200,000 leads would take hours on this machine); see {@link #build}.
 * The measured articles, held out of the bulk (the newest of the corpus), go through the
 * standard updater with MiniLM, exactly as ingest commits a batch: {@code store.write}
 * (database + index), then {@code StoryUpdater.catchUp}. No CoreNLP.
 */
final class StoryLatencyBench {
  private static final int BULK_BATCH = 1000;

  private StoryLatencyBench() {}

  static int run(Path archive, int stored, int measure, Path keep, PrintWriter out) throws Exception {
    List<CorpusArticle> corpus = new ArrayList<>();
    TehranTimesCorpus.read(archive, corpus::add);
    corpus.sort(Comparator.comparingLong(a -> Long.parseLong(a.id().substring(3))));
    if (measure < 1 || measure >= corpus.size()) {
      throw new IllegalArgumentException("--measure must be between 1 and " + (corpus.size() - 1) + ": " + measure);
    }
    List<CorpusArticle> held = corpus.subList(corpus.size() - measure, corpus.size());
    List<CorpusArticle> base = corpus.subList(0, corpus.size() - measure);
    Path dir = keep != null ? keep : Files.createTempDirectory("vigil-bench-story-latency");
    try (Store store = Store.open(dir)) {
      long have = store.articles().count();
      if (have == 0) {
        build(store, base, held, stored, out);
      } else if (have >= stored) {
        out.printf(Locale.ROOT, "%s holds %,d articles: measuring on it as it is%n", dir, have);
      } else {
        throw new IllegalArgumentException(dir + " holds " + have + " articles, fewer than --stored " + stored
            + ": remove it or give another --data");
      }
      measure(store, held, out);
    } finally {
      if (keep == null) {
        FileTrees.deleteQuietly(dir);
      }
    }
    return ExitCodes.OK;
  }

  /**
   * Stores {@code stored} replicas. Only those that the measured articles can meet (within the
   * clusterer's candidate window of their times) are assigned to stories: the rest are written
   * first and the story cursor moved past them, so that they weigh on the index and database as
   * they would but cost no assignment (the candidate search's time filter never returns them).
   */
  private static void build(Store store, List<CorpusArticle> base, List<CorpusArticle> held, int stored,
      PrintWriter out) {
    StoryClusterer.Settings settings = StoryClusterer.Settings.DEFAULT;
    long from = BenchStorySizesCommand.timeOf(held.get(0).id()).toEpochMilli() - settings.threadWindowMs();
    long to = BenchStorySizesCommand.timeOf(held.get(held.size() - 1).id()).toEpochMilli() + settings.joinWindowMs();
    List<AnalyzedArticle> far = new ArrayList<>();
    List<AnalyzedArticle> near = new ArrayList<>();
    for (int j = 0; j < stored; j++) {
      AnalyzedArticle a = replica(base.get(j % base.size()), j / base.size());
      long t = a.article().ingested().toEpochMilli();
      (t >= from && t <= to ? near : far).add(a);
    }
    long started = System.nanoTime();
    for (int i = 0; i < far.size(); i += BULK_BATCH) {
      store.write(far.subList(i, Math.min(far.size(), i + BULK_BATCH)));
      if ((i / BULK_BATCH + 1) % 20 == 0) {
        out.printf(Locale.ROOT, "  stored %,d articles outside the measured window (%.0f/s)%n", Math.min(far.size(), i + BULK_BATCH),
            (i + BULK_BATCH) / ((System.nanoTime() - started) / 1e9));
        out.flush();
      }
    }
    long last = store.articles().lastChange();
    store.stories().update(tx -> {
      tx.setAssignedUpTo(last);
      return null;
    });
    out.printf(Locale.ROOT, "Stored %,d articles outside the measured window in %.0f s%n", far.size(),
        (System.nanoTime() - started) / 1e9);
    StoryUpdater tfidf = new StoryUpdater(new StoryClusterer(settings), null);
    started = System.nanoTime();
    for (int i = 0; i < near.size(); i += BULK_BATCH) {
      store.write(near.subList(i, Math.min(near.size(), i + BULK_BATCH)));
      tfidf.catchUp(store);
    }
    out.printf(Locale.ROOT, "Stored and assigned to stories (TF-IDF) %,d articles inside it in %.0f s: %,d stories of 2+%n",
        near.size(), (System.nanoTime() - started) / 1e9, store.stories().stories(2).size());
    out.flush();
  }

  /** Round {@code r} of an article: its own text for round 0, else a perturbed copy. */
  static AnalyzedArticle replica(CorpusArticle a, int round) {
    Instant time = BenchStorySizesCommand.timeOf(a.id()).plus(Duration.ofDays(9L * round));
    String id = round == 0 ? a.id() : a.id() + "-r" + round;
    String text = round == 0 ? a.text() : dropSentence(a.text(), round);
    return article(new CorpusArticle(id, a.url() + (round == 0 ? "" : "#r" + round), a.title(), text,
        a.source()), time);
  }

  private static AnalyzedArticle article(CorpusArticle a, Instant time) {
    return new AnalyzedArticle(new Article(a.id(), a.url(), a.source(), a.title(), null,
        time.toString().substring(0, 10), "en", a.text(), "bench", time), Annotations.empty("en"));
  }

  /** The text without its {@code n}-th sentence (modulo the number of sentences). */
  static String dropSentence(String text, int n) {
    String[] sentences = text.split("(?<=[.!?])\\s+");
    if (sentences.length < 2) {
      return text + " (" + n + ")";
    }
    int drop = n % sentences.length;
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < sentences.length; i++) {
      if (i != drop) {
        b.append(b.length() == 0 ? "" : " ").append(sentences[i]);
      }
    }
    return b.toString();
  }

  private static void measure(Store store, List<CorpusArticle> held, PrintWriter out) {
    StoryUpdater updater = StoryUpdater.standard();
    updater.catchUp(store); // loads MiniLM and assigns anything a killed build left over
    long[] searchable = new long[held.size()];
    long[] inStory = new long[held.size()];
    int missing = 0;
    for (int i = 0; i < held.size(); i++) {
      CorpusArticle c = held.get(i);
      AnalyzedArticle a = article(c, BenchStorySizesCommand.timeOf(c.id()));
      String query = query(c);
      long start = System.nanoTime();
      store.write(List.of(a));
      while (store.index().matchAmong(query, List.of(c.id())).isEmpty()) {
        if (System.nanoTime() - start > 30_000_000_000L) {
          missing++;
          break;
        }
        Thread.onSpinWait();
      }
      searchable[i] = System.nanoTime() - start;
      updater.catchUp(store);
      if (store.stories().storyOf(c.id()).isEmpty()) {
        missing++;
      }
      inStory[i] = System.nanoTime() - start;
    }
    out.printf(Locale.ROOT, "Measured %d articles ingested one at a time into %,d stored (%d not found)%n",
        held.size(), store.articles().count() - held.size(), missing);
    out.printf(Locale.ROOT, "  ingest -> searchable: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
        pct(searchable, 50), pct(searchable, 95), pct(searchable, 100));
    out.printf(Locale.ROOT, "  ingest -> in its story: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
        pct(inStory, 50), pct(inStory, 95), pct(inStory, 100));
    long over = Arrays.stream(inStory).filter(n -> n > 2_000_000_000L).count();
    out.printf(Locale.ROOT, "  over 2 s: %d of %d%n", over, held.size());
  }

  /** A query that matches the article (the search's default operator is AND): words of its text. */
  private static String query(CorpusArticle c) {
    // plain words of the text only: "Iran's" or "U.S." would not survive as typed
    List<String> words = new ArrayList<>();
    for (String w : c.text().split("\\s+")) {
      if (w.matches("\\p{L}{4,}") && words.size() < 6) {
        words.add(w.toLowerCase(Locale.ROOT)); // lower case: no AND/OR operators
      }
    }
    return String.join(" ", words);
  }

  private static double pct(long[] nanos, int p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
    return s[Math.max(0, i)] / 1e6;
  }
}
