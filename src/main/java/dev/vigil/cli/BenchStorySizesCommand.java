package dev.vigil.cli;

import dev.vigil.corpus.CorpusArticle;
import dev.vigil.corpus.TehranTimesCorpus;
import dev.vigil.stories.MemoryClustering;
import dev.vigil.stories.MiniLmEmbedder;
import dev.vigil.stories.StoryClusterer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench story-sizes}: clusters a whole corpus in publication order and prints the
 * distribution of story sizes and the largest stories, to see whether any is implausibly big.
 */
@Command(mixinStandardHelpOptions = true, name = "story-sizes", sortOptions = false,
    description = {
        "Cluster the Tehran Times corpus (tehran-times.tar.xz) into stories, oldest first,",
        "with headline and lead features (TF-IDF, MiniLM; no CoreNLP, so no entities), and",
        "print the story size histogram and the largest stories with their headlines.",
        "The corpus has no dates: an article's time is estimated from its sequential id,",
        "interpolated between ids dated by their headlines.",
    })
final class BenchStorySizesCommand implements Callable<Integer> {
  /**
   * The site numbers its news sequentially; these ids are dated by what their headlines report
   * (Press TV's launch announced in June 2007; Rouhani's Kuwait and Oman trip, 15 Feb 2017; the
   * first Iranian COVID-19 vaccine trial, 29 Dec 2020; Iran joining the SCO, 4 Jul 2023).
   * Between them time is interpolated: 32-33 ids a day from 2017 on (80 % of the corpus), a
   * rough guess before.
   */
  private static final long[] ANCHOR_IDS = {2807, 411090, 456338, 486502};
  private static final Instant[] ANCHOR_TIMES = {Instant.parse("2007-06-25T12:00:00Z"),
      Instant.parse("2017-02-15T12:00:00Z"), Instant.parse("2020-12-29T12:00:00Z"),
      Instant.parse("2023-07-04T12:00:00Z")};

  @Option(names = "--tehran-times", paramLabel = "ARCHIVE", required = true,
      description = "The corpus archive (../shared/data/corpus/tehran-times.tar.xz).")
  Path archive;

  @Option(names = "--limit", paramLabel = "N", description = "Only the N oldest articles.")
  Integer limit;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "Largest stories to list (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--no-embeddings", description = "TF-IDF only (no MiniLM).")
  boolean noEmbeddings;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    List<CorpusArticle> corpus = new ArrayList<>();
    TehranTimesCorpus.read(archive, corpus::add);
    corpus.sort(Comparator.comparingLong(a -> number(a.id())));
    if (limit != null && limit < corpus.size()) {
      corpus = corpus.subList(0, limit);
    }
    out.printf(Locale.ROOT, "Read %,d articles in %.1f s; ids %d-%d, estimated %s to %s%n", corpus.size(),
        (System.nanoTime() - t0) / 1e9, number(corpus.get(0).id()), number(corpus.get(corpus.size() - 1).id()),
        timeOf(corpus.get(0).id()), timeOf(corpus.get(corpus.size() - 1).id()));
    out.flush();
    MiniLmEmbedder embedder = noEmbeddings ? null : new MiniLmEmbedder();
    Map<String, CorpusArticle> byId = new HashMap<>();
    corpus.forEach(a -> byId.put(a.id(), a));
    long started = System.nanoTime();
    Map<String, Long> assigned;
    int merges;
    try (MemoryClustering clustering = new MemoryClustering(
        new StoryClusterer(StoryClusterer.Settings.DEFAULT), embedder)) {
      List<List<MemoryClustering.Arrival>> batches = new ArrayList<>();
      for (int i = 0; i < corpus.size(); i += 64) {
        List<MemoryClustering.Arrival> batch = new ArrayList<>();
        for (CorpusArticle a : corpus.subList(i, Math.min(corpus.size(), i + 64))) {
          batch.add(new MemoryClustering.Arrival(a.id(), timeOf(a.id()).toEpochMilli(), a.title(), a.text(), null));
        }
        batches.add(batch);
      }
      clustering.addAllAhead(batches, done -> {
        if (done % 50 == 0) {
          out.printf(Locale.ROOT, "  %,d articles, %.0f/s%n", done * 64,
              done * 64 / ((System.nanoTime() - started) / 1e9));
          out.flush();
        }
      });
      assigned = clustering.stories().assignments();
      merges = clustering.stories().merges().size();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<Long, List<String>> stories = new HashMap<>();
    assigned.forEach((article, story) -> stories.computeIfAbsent(story, k -> new ArrayList<>()).add(article));
    out.printf(Locale.ROOT, "%,d articles -> %,d stories (%d merges) in %.0f s (%.0f articles/s)%n",
        assigned.size(), stories.size(), merges, seconds, assigned.size() / seconds);
    int[] bounds = {1, 2, 5, 10, 20, 50, 100, Integer.MAX_VALUE};
    String[] labels = {"1", "2", "3-5", "6-10", "11-20", "21-50", "51-100", "101+"};
    int[] storiesIn = new int[bounds.length];
    int[] articlesIn = new int[bounds.length];
    for (List<String> members : stories.values()) {
      int b = 0;
      while (members.size() > bounds[b]) {
        b++;
      }
      storiesIn[b]++;
      articlesIn[b] += members.size();
    }
    out.println("size     stories  articles");
    for (int b = 0; b < bounds.length; b++) {
      out.printf(Locale.ROOT, "%-7s %8d %9d%n", labels[b], storiesIn[b], articlesIn[b]);
    }
    List<List<String>> largest = new ArrayList<>(stories.values());
    largest.sort(Comparator.comparingInt((List<String> m) -> -m.size()));
    out.println("largest stories (size, estimated span, first headlines in time order):");
    for (List<String> members : largest.subList(0, Math.min(top, largest.size()))) {
      members.sort(Comparator.comparingLong(BenchStorySizesCommand::number));
      out.printf(Locale.ROOT, "%4d  %s .. %s%n", members.size(), timeOf(members.get(0)).toString().substring(0, 10),
          timeOf(members.get(members.size() - 1)).toString().substring(0, 10));
      for (String id : members.subList(0, Math.min(4, members.size()))) {
        out.printf(Locale.ROOT, "        %s%n", byId.get(id).title());
      }
    }
    return ExitCodes.OK;
  }

  private static long number(String id) {
    return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
  }

  /** The estimated publication time of a Tehran Times article from its sequential id. */
  static Instant timeOf(String id) {
    long n = number(id);
    int i = 1;
    while (i < ANCHOR_IDS.length - 1 && n > ANCHOR_IDS[i]) {
      i++;
    }
    double share = (double) (n - ANCHOR_IDS[i - 1]) / (ANCHOR_IDS[i] - ANCHOR_IDS[i - 1]);
    long span = ANCHOR_TIMES[i].toEpochMilli() - ANCHOR_TIMES[i - 1].toEpochMilli();
    return ANCHOR_TIMES[i - 1].plusMillis(Math.round(share * span));
  }
}
