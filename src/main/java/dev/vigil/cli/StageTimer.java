package dev.vigil.cli;

import dev.vigil.extract.Extractor;
import dev.vigil.model.TextStage;
import dev.vigil.nlp.Annotator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wraps the analysis stages to sum the time each one takes, for {@code vigil bench ingest}.
 * Stages are timed in the worker threads, so a stage's figure is its own cost per article on
 * one thread (with the other threads competing for the cores).
 */
final class StageTimer {
  private final Map<String, LongAdder[]> stages = new LinkedHashMap<>(); // name -> {nanos, calls}

  /** Registers {@code name} (in pipeline order) and returns its counters. */
  private synchronized LongAdder[] counters(String name) {
    return stages.computeIfAbsent(name, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
  }

  Extractor extractor(Extractor inner) {
    LongAdder[] c = counters("extract");
    return doc -> {
      long t = System.nanoTime();
      try {
        return inner.extract(doc);
      } finally {
        c[0].add(System.nanoTime() - t);
        c[1].increment();
      }
    };
  }

  Annotator annotator(Annotator inner) {
    LongAdder[] c = counters("annotate");
    return (text, language, published) -> {
      long t = System.nanoTime();
      try {
        return inner.tag(text, language, published);
      } finally {
        c[0].add(System.nanoTime() - t);
        c[1].increment();
      }
    };
  }

  TextStage stage(String name, TextStage inner) {
    LongAdder[] c = counters(name);
    return tagged -> {
      long t = System.nanoTime();
      try {
        return inner.apply(tagged);
      } finally {
        c[0].add(System.nanoTime() - t);
        c[1].increment();
      }
    };
  }

  /** Records a stage timed elsewhere (the writer's database, index and story steps). */
  void add(String name, long nanos, long articles) {
    LongAdder[] c = counters(name);
    c[0].add(nanos);
    c[1].add(articles);
  }

  /** Per stage: articles, seconds, ms per article and articles/s on one thread. */
  synchronized Map<String, Object> report() {
    Map<String, Object> out = new LinkedHashMap<>();
    stages.forEach((name, c) -> {
      long nanos = c[0].sum();
      long n = c[1].sum();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("articles", n);
      m.put("seconds", BenchReports.round(nanos / 1e9));
      m.put("msPerArticle", n == 0 ? 0 : BenchReports.round(nanos / 1e6 / n));
      m.put("articlesPerSecondOneThread", nanos == 0 ? 0 : BenchReports.round(n / (nanos / 1e9)));
      out.put(name, m);
    });
    return out;
  }
}
